x = 1.5
a = [x*1, x*2]; i0 = id(a[0]); i1 = id(a[1]); del a; f = x*3; g = x*4; print('list', id(f) == i0, id(g) == i1)
del f, g
a = (x*1, x*2); i0 = id(a[0]); i1 = id(a[1]); del a; f = x*3; g = x*4; print('tuple', id(f) == i0, id(g) == i1)
