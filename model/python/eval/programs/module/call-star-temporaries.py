import sys
def g(*a):
    return len(a), sys.getrefcount(x)
def h(a, b, c):
    return sys.getrefcount(b)
x = object()
l = [x]
t = (x, x)
print(g(1, *l), g(*l, 2), g(*l, *t, x), g(*[], *()))
print(h(1, *l, 2), h(x, *t), h(*l, x, x))
try:
    g(1, *None)
except TypeError as e:
    print(e)
try:
    g(*l, *2.5)
except TypeError as e:
    print(e)
def keep(*a):
    return a
u = keep(*l, x)
v = keep(x, *l)
print(u == v, sys.getrefcount(x), len(keep(*l, *l, *l, *l, *l)))
