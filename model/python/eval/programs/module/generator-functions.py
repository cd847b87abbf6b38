import sys, weakref
class Item:
    pass
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(3)))
def walk(seq):
    for x in seq:
        if x is not None:
            yield x
    yield 'tail'
pair = [Item(), None, Item()]
walker = walk(pair)
first = next(walker)
print(first is pair[0], sys.getrefcount(pair), sys.getrefcount(first))
deaths = []
probe = weakref.ref(pair[2], lambda ref: deaths.append('last'))
second = next(walker)
pair.pop()
print(second is first, deaths, sys.getrefcount(second))
del first, second
print(deaths, next(walker), next(walker, 'end'), sys.getrefcount(pair))
def holder(obj):
    yield 1
    yield 2
o = Item()
wo = weakref.ref(o, lambda ref: print('o died'))
h = holder(o)
print(sys.getrefcount(o))
print(next(h))
print(sys.getrefcount(o))
del o
print('dropping')
del h
print('dropped')
def chain(a, b):
    yield from a
    yield from range(2)
    yield from b
print(list(chain([1, 2], count(2))))
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(10)))
for v in count(2):
    print('v', v)
def boom(v):
    yield 10 // v
    yield 'after'
e = boom(0)
try:
    next(e)
except ZeroDivisionError:
    print('raised inside')
print(next(e, 'finished'))
k = Item()
wk = weakref.ref(k, lambda ref: print('k died'))
gk = holder(k)
del k
print(next(gk), next(gk))
print('exhausting')
print(next(gk, 'done'))
print('after exhaust')
