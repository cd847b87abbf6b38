import sys
# dictiter_iternextitem reuses its result tuple while only the iterator holds it.
d = {1: 'x', 2: 'y', 3: 'z'}
ids = []
for pair in d.items():
    ids.append(id(pair))
print(ids[0] == ids[1], ids[1] == ids[2], ids[0] == ids[2])
kept = []
for pair in d.items():
    kept.append(pair)
print(kept, kept[0] is kept[1])
it = iter(d.items())
a = next(it)
print(sys.getrefcount(a))
b = next(it)
print(a is b, a, b)
del a
c = next(it)
print(c is b, c)
try:
    next(it)
except StopIteration:
    print('done')
same = []
for k, v in d.items():
    same.append(v)
print(same)
first = None
for t in d.items():
    if first is None:
        first = t
    print(t is first, sys.getrefcount(t))
def f():
    out = []
    for key, value in {10: 'a', 20: 'b'}.items():
        out.append((key, value))
    return out
print(f())
