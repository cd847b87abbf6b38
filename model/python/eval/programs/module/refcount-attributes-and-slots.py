import sys
class A:
    pass
a = A()
a.x = []
b = a.x
print(sys.getrefcount(b))
a.x = None
print(sys.getrefcount(b))
del a
print(sys.getrefcount(b))
l = [[]]
e = l[0]
print(sys.getrefcount(e))
l[0] = 1
print(sys.getrefcount(e))
d = {'k': e}
print(sys.getrefcount(e))
del d['k']
print(sys.getrefcount(e))
