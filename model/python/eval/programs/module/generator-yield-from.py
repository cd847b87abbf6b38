import sys, weakref
class Item:
    pass
def inner(obj):
    yield 1
    yield 2
    yield 3
def outer(sub):
    yield from sub
    yield 'outer end'
o = Item()
w = weakref.ref(o, lambda r: print('o died'))
sub = inner(o)
del o
top = outer(sub)
print(next(top), sys.getrefcount(sub))
top.close()
print('top closed', sys.getrefcount(sub))
print(next(sub, 'sub finished'))
data = [Item(), Item()]
w2 = weakref.ref(data[1], lambda r: print('second died'))
top2 = outer(data)
print(next(top2) is data[0], sys.getrefcount(data))
data.pop()
del top2
print('top2 dropped', sys.getrefcount(data))
