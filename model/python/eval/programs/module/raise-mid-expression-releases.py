import sys
a = [1, 2]
z = 0
def boom():
    raise ValueError('x')
for expr in range(7):
    try:
        if expr == 0:
            t = (a, 1 / z)
        elif expr == 1:
            t = [a, a, 1 / z]
        elif expr == 2:
            t = {'k': a, 'j': 1 / z}
        elif expr == 3:
            t = a + [1 / z]
        elif expr == 4:
            t = a[1 / z]
        elif expr == 5:
            t = len(a, boom())
        else:
            t = a == [1 / z]
    except (ZeroDivisionError, ValueError):
        print(expr, sys.getrefcount(a))
try:
    s = {a[0], [], a[1]}
except TypeError as e:
    print('unhashable', sys.getrefcount(a))
def f(x, y):
    return x
try:
    f(a, boom())
except ValueError:
    print('call', sys.getrefcount(a))
