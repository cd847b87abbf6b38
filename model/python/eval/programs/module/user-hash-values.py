# slot_tp_hash: the result of a Python __hash__ reduced as CPython does (-1 -> -2, ints too
# big for Py_ssize_t hashed as ints), and dicts comparing only keys of equal hash.
class K:
    def __init__(self, h, tag):
        self.h = h
        self.tag = tag

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print('  compare', self.tag, 'with', other.tag if isinstance(other, K) else other)
        return isinstance(other, K) and self.h == other.h


print(hash(K(-1, 'a')), hash(K(10**30, 'b')), hash(K(2**61 + 5, 'c')), hash(K(True, 'd')))
print(hash(K(-2**63, 'e')), hash(K(2**63, 'f')), hash(K(2**31, 'g')))
print(hash(1), hash(-1), hash(10**20), hash((1, 2)), hash((-1, (2, 3))), hash(()), hash(4.0))
d = {K(1, 'one'): 1, K(2, 'two'): 2}
print(K(2, 'two again') in d)
print(K(3, 'three') in d)
print(d[K(1, 'one again')])
d2 = {1: 'int one', K(1, 'k'): 'k'}
print(len(d2), d2[1])
s = {K(5, 's'), K(6, 't')}
print(K(5, 'u') in s, 5 in s)
