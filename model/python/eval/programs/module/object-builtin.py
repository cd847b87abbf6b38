import sys, weakref
o = object()
print(sys.getsizeof(o), sys.getrefcount(o), type(o), hasattr(o, 'x'), hasattr(o, '__dict__'))
print(getattr(o, 'z', 'default'))
try:
    weakref.ref(o)
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
print(object() is object(), object() == object(), o == o, o != object(), o is o, isinstance(o, object))
l = [o, o]
print(sys.getrefcount(o))
sentinel = object()
print({1: 2}.get(3, sentinel) is sentinel, {3: sentinel}.get(3) is sentinel, sys.getrefcount(sentinel))
markers = [object() for _ in range(3)]
print(len(set(map(id, markers))), markers[0] is not markers[1])
o.x = 1
