a = 10 ** 20
b = 10 ** 20
print(a is b)
c = 2 ** 127
d = 2 ** 127
print(c is d, c == d)
e = 'ab' * 2048
f = 'ab' * 2048
print(e is f)
g = 'a' * 4097
h = 'a' * 4097
print(g is h)
i = (1, 2) * 128
j = (1, 2) * 128
print(i is j)
k = -123456
l = -123456
print(k is l)
m = 1.5 + 2
n = 3.5
print(m is n)
o = (1, (2, 3))
p = (1, (2, 3))
print(o is p, o[1] is p[1])
