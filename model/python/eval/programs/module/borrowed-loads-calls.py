# 3.14: a Python function's parameters keep the caller's borrowed references (the frame takes the
# stack references as they are); a call through C (__init__) makes strong ones; return makes a
# strong one; a method's self is borrowed when the instance was a borrowed local.
import sys
def h(p):
    p = [9]
    return sys.getrefcount(p)
def h2(p):
    return sys.getrefcount(p)
def k(p, q=None):
    return sys.getrefcount(p)
class C:
    def m(self, v):
        return sys.getrefcount(self), sys.getrefcount(v)
class Box:
    def __init__(self, v):
        self.n = sys.getrefcount(v)
def g():
    item = [5]
    return item
def caller():
    v = [7]
    print(h(v), h2(v), sys.getrefcount(v))
    print(h2([8]), h2([h2(v)]), h2(v) + h2(v))
    u = v
    print(h2(u), k(v), k(v, q=1), k(p=v))
    obj = C()
    print(obj.m(v))
    bound = obj.m
    print(bound(v))
    print(Box(v).n)
    print(sys.getrefcount(g()))
caller()
module_level = [1]
print(h2(module_level), k(p=module_level))
