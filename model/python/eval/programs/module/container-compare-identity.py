# Containers compare items with PyObject_RichCompareBool: an item identical to itself is equal, a NaN too.
x = float('nan')
l = [x]
t = (x, 1)
d = {1: x}
print(l == [x], t == (x, 1), d == {1: x}, [l] == [[x]], l == l, x == x, [x] != [x], (x,) != (x,), {x} == {x}, [x] == [float('nan')])
print([x, 1] < [x, 2], [x] <= [x], (x, 1) < (x, 2), [x] < [x, 0], [1, x] < [1, x], max([x, 1], [x, 2]))
