import sys
def outer():
    x = [1, 2]
    print('local cell', sys.getrefcount(x))
    y = x
    print('cell and local', sys.getrefcount(x))
    def inner():
        return x
    print('after def', sys.getrefcount(x))
    return inner
f = outer()
got = f()
print('held by the cell', sys.getrefcount(got))
f2 = outer()
print('two closures', sys.getrefcount(got))
del f
print('first closure gone', sys.getrefcount(got))
def g(a, b):
    def h():
        return a
    print('argument cell', sys.getrefcount(a), 'plain argument', sys.getrefcount(b))
    return h
v = [3]
w = [4]
h = g(v, w)
print('kept by h', sys.getrefcount(v), sys.getrefcount(w))
del h
print('h gone', sys.getrefcount(v))
