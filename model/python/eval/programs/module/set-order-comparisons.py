a = {1, 2}
b = frozenset({1, 2, 3})
c = {1, 2.0}
print(a < b, a <= b, a > b, a >= b, b > a, b >= a, a < c, a <= c, a >= c, a > c)
print({1} < {2}, {1} > {2}, {1} <= {2}, set() < {1}, set() <= set(), set() < set())
print(({1},) < ({1, 2},), [{1, 2}] > [{1}], ({1},) <= ({2},), ({1}, 1) < ({1}, 2))
print(max({1}, {1, 2}), min({1, 2}, {1}), max({1}, {2}))
print(a == c, a != b, frozenset([1]) == {1})
try:
    isinstance(1, 'x')
except TypeError as e:
    print(e)
print({1} < [1])
