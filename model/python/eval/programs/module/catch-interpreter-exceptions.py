# Exceptions the interpreter raises, caught: KeyError holds the key itself (e.args[0] is key, one more
# reference until the handler ends); the others hold their message; list.index's wording per version.
import sys
k = (10 ** 20, 3)
d = {}
try:
    d[k]
except KeyError as e:
    print(e.args[0] is k, sys.getrefcount(k), str(e), repr(e), len(e.args))
print(sys.getrefcount(k))
big = 10 ** 20
try:
    d.pop(big)
except KeyError as e:
    print(e.args[0] is big, sys.getrefcount(big), e)
print(sys.getrefcount(big))
d[1] = 1
try:
    del d[2]
except KeyError as e:
    print(e, e.args)
try:
    d[k]
except LookupError as e:
    print(type(e).__name__, e.args[0] is k)
try:
    [][3]
except IndexError as e:
    print(e, e.args)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e, e.args)
try:
    int('x')
except ValueError as e:
    print(e, e.args)
try:
    [1].index(5)
except ValueError as e:
    print(e, e.args)
try:
    len(5)
except TypeError as e:
    print(e, e.args)
def f(key):
    try:
        return {}[key]
    except KeyError as e:
        return e.args[0] is key
print(f(big), sys.getrefcount(big))
print(sys.getrefcount(k))
class Item:
    def __repr__(self):
        print('repr called')
        return 'Item()'
try:
    [1, 2].index(Item())
except ValueError as e:
    print(e)
