import sys, weakref
class Item:
    pass
def make(seq):
    return (x for x in seq)
items = [Item(), Item()]
g = make(items)
print(sys.getrefcount(items))
a = next(g)
print(a is items[0], sys.getrefcount(items[0]))
del a
print(sys.getrefcount(items[0]))
dead = []
w = weakref.ref(items[1], lambda ref: dead.append('item'))
b = next(g)
del items[1]
print(dead, sys.getrefcount(b))
del b
print(dead)
print(next(g, 'end'), sys.getrefcount(items))
def boom(v):
    return 10 // v
h = (boom(v) for v in [5, 0, 1])
print(next(h))
try:
    next(h)
except ZeroDivisionError:
    print('raised inside')
print(next(h, 'finished'))
nested = ((i, j) for i in range(3) if i != 1 for j in range(i))
print(list(nested))
