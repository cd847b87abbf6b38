import sys
data = [10, 20, 30]
print(sys.getrefcount(data))
it = iter(data)
print(sys.getrefcount(data), next(it), next(it))
print(next(it), next(it, 'done'), sys.getrefcount(data))
e = enumerate(data)
print(sys.getrefcount(data))
first = next(e)
print(first)
second = next(e)
print(second, first is second)
del first, second
third = next(e)
print(third)
del e
print(sys.getrefcount(data))
def double(x):
    return x * 2
m = map(double, data)
print(sys.getrefcount(double), sys.getrefcount(data))
print(list(m), sys.getrefcount(data), sys.getrefcount(double))
print(list(m))
del m
print(sys.getrefcount(double))
z = zip(data, 'abc')
a, b, c = z
print(a, b, c)
print(list(filter(None, [0, 1, '', 'x', None, 2])))
print(tuple(filter(lambda v: v > 15, data)))
for i, v in enumerate(data):
    print(i, v)
for p in zip(data, data):
    print(p)
print(20 in map(double, data), 40 in map(double, data))
print(type(map(double, data)) is map, type(zip()) is zip)
try:
    next(iter([]))
except StopIteration:
    print('stop')
print(type(enumerate([])))
pairs = list(zip(range(3), range(3)))
print(pairs, sys.getsizeof(pairs))
print(sys.getsizeof(list(map(double, range(13)))), sys.getsizeof(list(map(double, range(1)))))
r = iter(range(5))
print(next(r), list(r) if False else 0)
