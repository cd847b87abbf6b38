import sys
s = {3, 1, 2}
seen = []
for x in s:
    seen.append(x)
print(seen, list(s), tuple(frozenset([5, 4])))
print([b * 2 for b in b'\x01\x02'], list(b'ab'), sum(b'\x01\x02\x03'))
print(2 in b'\x01\x02', 3 in b'\x01\x02', b'\x02' in b'\x01\x02', b'' in b'', True in b'\x01')
data = b'xyz'
before = sys.getrefcount(data)
for v in data:
    during = sys.getrefcount(data)
print(during - before, sys.getrefcount(data) - before)
for v in s:
    inside = sys.getrefcount(s)
print(inside - sys.getrefcount(s))
a = []
ia = id(a)
del a
for v in s:
    pass
b = []
print(id(b) == ia)
try:
    for v in s:
        s.add(7)
except RuntimeError as e:
    print(e, list(s))
try:
    300 in b'ab'
except ValueError as e:
    print(e)
try:
    'a' in b'ab'
except TypeError as e:
    print(e)
try:
    1 in 5
except TypeError as e:
    print(e)
