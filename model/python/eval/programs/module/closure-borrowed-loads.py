import sys
def f(p):
    x = [1]
    y = [2]
    def g():
        return x
    print(sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(p))
    z = x
    print(sys.getrefcount(z), sys.getrefcount(g))
    h = lambda: p
    print(sys.getrefcount(p), sys.getrefcount(h))
    return g
f([3])
def k():
    v = [4]
    w = [v for _ in range(2)]
    print(sys.getrefcount(v), sys.getrefcount(w))
    gen = (v for _ in range(2))
    print(sys.getrefcount(v))
k()
def fa(a, b):
    def g():
        return a
    print(sys.getrefcount(a), sys.getrefcount(b))
    return g
def main():
    x = [1]
    y = [2]
    g = fa(x, y)
    print(sys.getrefcount(x), sys.getrefcount(y))
    del g
    print(sys.getrefcount(x))
main()
