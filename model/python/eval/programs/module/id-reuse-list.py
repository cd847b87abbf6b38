a = [1]
i = id(a)
del a
b = [2]
print(id(b) == i)
