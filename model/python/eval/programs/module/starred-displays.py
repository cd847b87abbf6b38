import sys
x = object()
l = [x, x]
t = (x,)
n = 3
a = [*l, *t]
b = (*l, n)
c = [n, *l, n]
print(len(a), b[2], c[0], sys.getrefcount(x), sys.getsizeof(a), sys.getsizeof(c))
print(sys.getsizeof([*l]), sys.getsizeof([*l, *l, *l]), sys.getsizeof([n, *l, *l, *l]), sys.getsizeof([*t, n]))
print((*t,) is t, (*l,) == tuple(l), [*[]] == [], (*t, *l) == (x, x, x), (*(),) == ())
for bad in [lambda: [*n], lambda: (n, *None), lambda: [*l, *2.5]]:
    try:
        bad()
    except TypeError as e:
        print(e)
for i in [*t, n]:
    print(i is x, sys.getrefcount(x))
print(n in [*l, n], sys.getrefcount(l))
def f():
    u = [*l]
    v = (n, *u)
    return sys.getsizeof(u), len(v), sys.getrefcount(x)
print(f())
