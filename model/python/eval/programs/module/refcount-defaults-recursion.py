import sys
x = 5000
y = 6000
def f(a, b=[]):
    b.append(a)
    return len(b)
print(f(x), f(y), f(x))
print(sys.getrefcount(x))
def g(n):
    if n == 0:
        return sys.getrefcount(x)
    return g(n - 1)
print(g(3))
