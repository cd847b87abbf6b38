import sys
# round(): an int is itself, a float an int from PyLong_FromDouble or a new float.
# the small ints compared with, by name (an `is` with a literal warns)
minus_2 = -2
n0 = 0
n2 = 2
n42 = 42
x = 2.4
print(round(x), round(x) is n2, round(0.4) is n0, round(-2.5) is minus_2, round(-0.5))
print(round(2.5), round(3.5), round(-3.5), round(0.5), round(1.5), round(1e16 + 1.0))
y = 1000
print(round(y) is y, round(y, 2) is y, round(y, None) is y, round(True), type(round(True)).__name__)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-0.001, 2), round(1234.5678, -2))
print(round(1e300, 2), round(5e-324, 400), round(1.5, 400), round(123.456, -400), round(0.5, 1))
f = 7.25
g = round(f, 5)
print(g == f, g is f, round(f, 1), round(-f, 1), round(f, True))
print(round(float('inf'), 2), round(float('nan'), 1), round(-0.0, 3))
for bad in (lambda: round(float('nan')), lambda: round(float('inf')), lambda: round(1.5, 1.5), lambda: round('a'), lambda: round(1.7976931348623157e308, -308)):
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
# divmod(): a new tuple of the quotient and remainder.
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(0, 5), divmod(True, 2))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.0), divmod(-0.0, 1.0), divmod(1e300, 1e-300)[1])
t = divmod(300, 7)
print(t, sys.getrefcount(t), sys.getsizeof(t) == sys.getsizeof((1, 2)), t[0] is n42)
for bad in (lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod(1, 0.0), lambda: divmod('a', 1)):
    try:
        bad()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
# copy.deepcopy of a range: the range itself from 3.10 (Lib/copy.py _deepcopy_dispatch); refused before.
import copy
rng = range(3)
print(copy.copy(rng) is rng)
