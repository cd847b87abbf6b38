x = [1, 2, 3]
y = x
x.append(4)
print(y, x is y)
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
p = q = [0]
print(p is q)
del p
print(q)
print(p)
