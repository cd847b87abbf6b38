import sys, gc
# Each lazy iterator holds references: map its function and an iterator over each iterable,
# enumerate/zip an iterator and a result tuple, filter its function and iterator.
class Node:
    pass
node = Node()
items = [node, node, node]
print(sys.getrefcount(items), sys.getrefcount(node))
it = iter(items)
print(sys.getrefcount(items))
got = next(it)
print(got is node, sys.getrefcount(node))
del got
rest = list(it) if False else None
for x in it:
    print('item', x is node)
print(sys.getrefcount(items))
def keep(v):
    return v is node
f = filter(keep, items)
print(sys.getrefcount(keep), sys.getrefcount(items))
print(len(list(f)), sys.getrefcount(items), sys.getrefcount(keep))
del f
print(sys.getrefcount(keep))
e = enumerate(items)
pair = next(e)
print(pair[1] is node, sys.getrefcount(pair))
again = next(e)
print(again is pair)
del pair
last = next(e)
print(last[0], sys.getrefcount(last))
del e, last, again
z = zip(items, items)
t1 = next(z)
print(t1[0] is t1[1], sys.getrefcount(node))
del t1
t2 = next(z)
print(sys.getrefcount(t2))
del z, t2
print(sys.getrefcount(node), sys.getrefcount(items))
m = map(keep, items)
a, b, c = m
print(a, b, c, sys.getrefcount(keep))
print(next(m, 'exhausted'))
del m
print(sys.getrefcount(keep))
