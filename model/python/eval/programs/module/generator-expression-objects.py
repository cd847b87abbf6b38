import sys, weakref
class Node:
    pass
data = [Node(), Node(), Node()]
print(sys.getrefcount(data))
g = (n for n in data)
print(sys.getrefcount(data))
first = next(g)
print(first is data[0], sys.getrefcount(data[0]))
del first
print(sys.getrefcount(data[0]))
second = next(g)
print(sys.getrefcount(data[1]))
del second
print(sys.getrefcount(data[1]))
rest = list(g)
print(len(rest), sys.getrefcount(data))
print(next(g, 'done'))
del rest
squares = (x * x for x in range(5) if x % 2 == 0)
print(list(squares))
h = (n for n in data)
r = weakref.ref(h, lambda ref: print('generator died'))
print(next(h) is data[0])
print(sys.getrefcount(data[0]), sys.getrefcount(data))
del h
print(sys.getrefcount(data[0]), sys.getrefcount(data), r() is None)
pairs = ((a, b) for a in range(2) for b in 'xy')
print(next(pairs), next(pairs))
del pairs
total = 0
for v in (len(str(n)) for n in range(12)):
    total += v
print(total)
gen = (n for n in data)
print(sys.getrefcount(gen))
print(set(x for x in [3, 1, 3]), list(x for x in "ab"), sys.getsizeof(list(x for x in range(3))))
print(max((n for n in [1, 5, 2])) if False else 0)
