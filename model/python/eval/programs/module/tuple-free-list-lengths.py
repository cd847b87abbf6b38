x = 7
t = (x,) * 20
i = id(t)
del t
u = (x,) * 20
print(id(u) == i)
t = (x,) * 19
i = id(t)
del t
u = (x,) * 19
print(id(u) == i)
