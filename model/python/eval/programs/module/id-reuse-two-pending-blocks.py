k = 10 ** 6
a = k + 1
b = k + 2
i = id(a)
j = id(b)
del a
del b
c = k + 3
d = k + 4
print(id(c) == j, id(d) == i)
f1 = 0.5 * k
g = id(f1)
del f1
f2 = 0.25 * k
print(id(f2) == g)
l1 = [k]
h = id(l1)
del l1
d1 = {}
l2 = []
print(id(l2) == h, id(d1) == h)
