import sys
class A:
    def __init__(self):
        self.data = []
    def add(self, v):
        self.data.append(v)
a = A()
a.add(1)
a.add(2)
print(a.data, len(a.data))
print(sys.getrefcount(a))
print(sys.getrefcount(a.data))
m = a.add
print(sys.getrefcount(a))
del m
print(sys.getrefcount(a))
