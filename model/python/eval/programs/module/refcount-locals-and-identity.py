import sys
def f():
    x = [1, 2]
    y = x
    print(sys.getrefcount(x))
    del y
    print(sys.getrefcount(x))
    return x
r = f()
print(sys.getrefcount(r))
a, b = 'x y', 'x y'
print(a is b)
c = 'x' + ' y'
print(c is a, c == a)
d = 'hello'
e = 'hel' + 'lo'
print(d is e)
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print(t1 is t2)
n1 = 257
n2 = 257
print(n1 is n2)
m = int('257')
print(m is n1, int('256') is 256)
