import sys
big = 123456789
print(sys.getrefcount(big))
x = []
print(sys.getrefcount(x))
def f(v):
    return sys.getrefcount(v)
print(f(x))
a = 123456789
def g():
    return 123456789
print(g() is a, sys.getrefcount(a))
