k = 7
a = [k]
b = [k, k]
ia = id(a)
ib = id(b)
del a
del b
c = []
d = [k]
print('lists', id(c) == ib, id(d) == ia)
x = {'k': k}
y = {}
ix = id(x)
iy = id(y)
del x, y
z = {}
w = {'k': k}
print('dicts', id(z) == iy, id(w) == ix)
f = k * 0.5
g = k * 0.25
i_f = id(f)
i_g = id(g)
del f
del g
h = k * 0.125
m = k * 1.5
print('floats', id(h) == i_g, id(m) == i_f)
t = (k, k)
u = (k, k, k)
it = id(t)
iu = id(u)
del t, u
v = (k, 1)
w = (1, k, 2)
print('tuples', id(v) == it, id(w) == iu)
