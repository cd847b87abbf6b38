import sys
x = 1000
def f(a, b):
    return sys.getrefcount(a) + 100 * sys.getrefcount(b)
print(f(x, x))
y = [x, x, x]
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
t = (x,)
d = {x: x}
print(sys.getrefcount(x))
d = None
t = None
print(sys.getrefcount(x))
