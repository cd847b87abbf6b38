import sys
a = [10 ** 6, 10 ** 7]
counts = [sys.getrefcount(v) for v in a]
print(counts)
def g(seq):
    return [sys.getrefcount(v) for v in seq]
print(g(a), sys.getrefcount(a))
