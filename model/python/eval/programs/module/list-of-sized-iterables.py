import sys
g = sys.getsizeof
print([g(list('abcdefghijklm'[:n])) for n in range(14)])
print([g(list(b'abcdefghijklm'[:n])) for n in range(14)])
print([g(list(range(n))) for n in range(10)], g(list('é€')))
