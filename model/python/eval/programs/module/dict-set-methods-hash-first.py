d = {'a': 1}
print(d.get('a'), d.get('b'), d.setdefault('c', 3), d.pop('a'), d)
s = {1, 2}
s.add(2)
s.discard(1)
print(s)
e = {}
try:
    e.get([1])
except TypeError:
    print('an empty dict still hashes the key')
