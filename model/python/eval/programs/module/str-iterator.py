import sys
s = ''.join(['ab', 'c'])
it = iter(s)
print(type(it).__name__, sys.getsizeof(it), sys.getrefcount(s))
print(next(it), next(it), sys.getrefcount(s))
for ch in it:
    print(ch, sys.getrefcount(s))
print(sys.getrefcount(s), next(it, 'end'))
u = ''.join(['é', 'x'])
iu = iter(u)
print(type(iu).__name__, sys.getsizeof(iu), next(iu), type(iter([])).__name__, type(iter(())).__name__)
print(list(zip(iter('xy'), 'ab')), [c for c in iter('hi')], type(iter(range(2))))
q = 'q'
print(next(iter('q')) is q, any(iter('')), all(iter('ab')))
