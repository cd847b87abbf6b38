import sys
def z(a, b=None):
    return sys.getrefcount(a)
def g(*a):
    return len(a), sys.getrefcount(t)
x = object()
l = [x]
t = (x,)
print(z(*l), z(*t), g(*t), g(*l))
print(*[1, 2, 3])
print(*(4, 5), *[], 6)
print(len(*['abc']), sys.getrefcount(*l))
class C:
    def m(self, *a):
        return len(a), sys.getrefcount(x)
c = C()
print(c.m(*l), c.m(*t))
def h(a, b, c):
    return a + b + c
print(h(*[1, 2], 3), h(*(1, 2, 3)))
try:
    h(*1)
except TypeError as e:
    print(e)
try:
    h(*[1, 2])
except TypeError as e:
    print(e)
def ids(*a):
    return id(a)
print(ids(*t) == id(t), ids(*l) == id(l))
