import sys
v = 'a b c'
w = v
print(sys.getrefcount(v))
print(1 if v else 2, [] or 'empty', 0 and 1)
z = None
print(z is None, z is not None, type(None))
print(len(range(10)), len(range(0, 10, 3)), range(5), range(1, 5, 2))
print(list(range(3)), tuple([1, 2]), list((1,)), tuple('ab'), set([1, 2, 1]), frozenset([3]))
print(int(3.9), int(-3.9), int('  42 '), float(3), str(2.50), bool([]), bool([0]))
print(dict(), {1: 'a', 2: 'b'}, {'x': [1, {}]})
