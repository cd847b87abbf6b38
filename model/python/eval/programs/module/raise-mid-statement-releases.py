import sys
a = [1, 2]
z = 0
d = {'k': 1}
class C:
    pass
c = C()
c.n = 1
for case in range(10):
    try:
        if case == 0:
            d[1 / z] = a
        elif case == 1:
            c.attr = [a, 1 / z]
        elif case == 2:
            r = [x / z for x in [a and 1, 2]]
        elif case == 3:
            for item in [a, a]:
                1 / z
        elif case == 4:
            r = {k: a / z for k in [a and 1]}
        elif case == 5:
            a[1 / z] = a
        elif case == 6:
            d[a and 'k'] += a[0] / z
        elif case == 7:
            c.n += a[0] / z
        elif case == 8:
            del a[1 / z]
        else:
            big = a and 5000
            big += 1 / z
    except (ZeroDivisionError, TypeError) as e:
        print(case, type(e).__name__, sys.getrefcount(a))
