import sys
names = tuple(sys.intern(s) for s in ['field_one', 'field_two'])
print(names, len(names))
print(any(n > 2 for n in [1, 2, 3]), all(n > 2 for n in [1, 2, 3]), any(n > 5 for n in []))
