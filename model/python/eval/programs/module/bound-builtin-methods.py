# Methods of builtin objects taken as values (PyCMethod_New): a new object holding self at each lookup,
# == by identical self, sys.getsizeof per platform, calls through the bound object.
import sys, gc
l = []
m = l.append
print(sys.getsizeof(m), sys.getsizeof(print), type(m).__name__, sys.getrefcount(l))
print(m == l.append, m is l.append, m.__name__)
m(5)
m(6)
print(l, hasattr(l, 'append'), hasattr('x', 'upper'))
up = getattr('abc', 'upper')
print(up(), sys.getrefcount(l))
del m
print(sys.getrefcount(l))
s = {1}
add = s.add
add(2)
print(len(s), {l.append: 1}.get(l.append), l.pop == l.pop, l.pop == l.append)
ms = [l.append, l.append]
del l
print(len(ms))
ms[0]('x')
print(ms[1].__name__, len(ms))
