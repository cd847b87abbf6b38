import sys, weakref
class Item:
    pass
def holder(obj):
    for x in [obj, 1]:
        yield x
    yield 'end'
o = Item()
w = weakref.ref(o, lambda ref: print('o died'))
g = holder(o)
print(next(g) is o)
del o
print('closing')
print(g.close())
print('closed', next(g, 'finished'))
print(g.close())
q = Item()
wq = weakref.ref(q, lambda ref: print('q died'))
g3 = holder(q)
del q
print(len(list(g3)))
print('exhausted')
g3.close()
def nested(a):
    for i in range(2):
        for j in [a, a]:
            yield i, j is a
r = Item()
wr = weakref.ref(r, lambda ref: print('r died'))
g4 = nested(r)
print(next(g4), sys.getrefcount(r))
del r
print('closing nested')
g4.close()
print('closed nested')
