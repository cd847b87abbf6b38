import sys
a = []
b = []
for x in [a, b]:
    print(sys.getrefcount(x))
x = None
print(sys.getrefcount(a), a in [b, a], 5 in [1000, 5])
k = 1.5
f = k * 2
i = id(f)
del f
print([k, k] is None)
g = k * 3
print(id(g) == i)
