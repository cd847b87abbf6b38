# with in a function: on 3.14 a local manager is loaded borrowed when its with body is straight-line code (LOAD_SPECIAL keeps that reference as __exit__'s self)
import sys
class M:
    def __enter__(self):
        print('enter', sys.getrefcount(self))
        return self
    def __exit__(self, t, v, tb):
        print('exit', sys.getrefcount(self), t is None)
        return True
def f():
    m = M()
    x = ''.join(['a', 'b'])
    with m:
        print(sys.getrefcount(x), sys.getrefcount(m))
    print(sys.getrefcount(x), sys.getrefcount(m))
    with m as n:
        y = ''.join(['c', 'd'])
        print(sys.getrefcount(n), sys.getrefcount(y))
        raise ValueError
    print(sys.getrefcount(m))
    with M() as k:
        print(sys.getrefcount(k))
    print(sys.getrefcount(k))
    return m
r = f()
print(sys.getrefcount(r))
