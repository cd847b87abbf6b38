# min/max with several positional arguments: before 3.13 the call packs them in a tuple
# (METH_VARARGS) that an item seen by key= is held by; 3.13+ read the caller's array.
import sys
seen = []
def key(v):
    seen.append(sys.getrefcount(v))
    return v[0]
a = [3]
b = [1]
c = [2]
print(max(a, b, c, key=key) is a, min(a, b, c, key=key) is b)
print(max([a, b, c], key=key) is a, min((a, b, c), key=key) is b)
print(seen)
print(max(3, 1, 2), min('b', 'a', 'c'), max(1, 1.0), min(2.5, 2, True))
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
print(sys.getrefcount(a), sys.getrefcount(b))
def in_function():
    x = [5]
    y = [6]
    z = max(x, y)
    print(z is y, sys.getrefcount(x), sys.getrefcount(y))
in_function()
t1 = tuple(seen)
i1 = id(t1)
del t1
m = min(a, c)
t2 = tuple(seen)
print('a freed tuple of that length is reused:', id(t2) == i1)
