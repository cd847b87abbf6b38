import sys
class Box:
    def m(self, a, b=None, c=None):
        print(sys.getrefcount(self), sys.getrefcount(a), b is None, c is None)
        return c
o = Box()
x = [1]
print(o.m(x, c=x) is x, sys.getrefcount(o), sys.getrefcount(x))
print(o.m(a=x) is None, sys.getrefcount(o), sys.getrefcount(x))
print(o.m(x, b=x, c=o) is o, sys.getrefcount(o), sys.getrefcount(x))
print(Box.m(o, x, c=x) is x, sys.getrefcount(o), sys.getrefcount(x))
