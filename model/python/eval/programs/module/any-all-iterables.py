import sys
big = 123456
items = [0, big, [], '']
print(any(items), all(items), any([]), all(()))
print(any(range(0)), all(range(1, 4)), any((0, 0.0, None)), all([big]))
print(sys.getrefcount(big))
t = (1000, 2000)
print(any(t) is True, all(t) is True, sys.getrefcount(t))
flags = {0: 'a', 1: 'b'}
print(any(flags), all(flags), any('xy'), all(b''))
class Plain:
    pass
f = Plain()
print(any([f]), all([f, 0]), sys.getrefcount(f))
l = [big]
a = []
ia = id(a)
del a
r = any(l)
b = []
print(r, id(b) == ia)
