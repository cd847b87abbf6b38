# 3.14 loads fast locals with LOAD_FAST_BORROW where the value is consumed at once
# (Python/flowgraph.c optimize_load_fast): sys.getrefcount does not count them.
import sys
def f(a, b):
    x = [1, 2]
    y = x
    print(sys.getrefcount(x), sys.getrefcount(a))
    print((x, sys.getrefcount(x))[1])
    print([x, y, sys.getrefcount(y)][2])
    print(len(x) + sys.getrefcount(x))
    x += [sys.getrefcount(x)]
    print(x)
    del y
    print(sys.getrefcount(x))
    z = x
    z = None
    print(sys.getrefcount(x), f"{sys.getrefcount(x)} {x!r}")
    for q in [x, x]:
        print(sys.getrefcount(q))
    i = 0
    while i < 2:
        w = x
        print(sys.getrefcount(x))
        i += 1
    x.append(sys.getrefcount(x))
    d = {}
    d[len(a)] = sys.getrefcount(b)
    print(d, x)
    return x
print(sys.getrefcount(f([7], [3])))
