s = 'abc'
t = s
t += 'd'
print(s, t, s is t)
l = [1]
m = l
m += [2]
print(l, m is l)
n = 5
n += 1
print(n)
x = (1, 2)
y = x
y += (3,)
print(x, y)
