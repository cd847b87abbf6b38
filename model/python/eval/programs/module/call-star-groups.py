import sys
def g(*a):
    return len(a), sys.getrefcount(x)
def h(a, b, c):
    return sys.getrefcount(b)
x = object()
n = 7
l = [x]
t = (x, x)
print(g(n, *l), g(*l, n), g(*l, *t, x), g(*[], *()), g(x, n, *t, n, x, *l))
print(h(n, *l, n), h(x, *t), h(*l, x, x))
for bad in [lambda: g(n, *None), lambda: g(*l, *2.5), lambda: h(*l, *l), lambda: print(x, *5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
def pair(*a):
    return a
print(pair(*l, x) == pair(x, *l), pair(n, *t)[1:] == t, sys.getrefcount(x), len(pair(*l, *l, *l, *l, *l, n)))
print(*l[:0], *[n, n], n)
