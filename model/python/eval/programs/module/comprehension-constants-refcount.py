import sys
big = 123456789
xs = [123456789 for _ in range(2)]
print(sys.getrefcount(big), xs[0] is big)
def f():
    return [987654321 for _ in range(1)]
print(f()[0] is f()[0])
words = ['alpha beta', 'gamma delta']
firsts = [w for w in words]
print(firsts[0] is words[0], sys.getrefcount(words[1]))
