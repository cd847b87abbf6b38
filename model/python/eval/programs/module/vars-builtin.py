import sys
class C:
    def __init__(self):
        self.a = 1
c = C()
print(vars(c), vars(c) is c.__dict__, sys.getrefcount(c.__dict__))
d = vars(c)
d['b'] = 2
print(c.b, sys.getrefcount(d))
class S:
    __slots__ = ('a',)
for x in (S(), 1, 'ab', [1], object(), None, (1, 2), {}):
    try:
        vars(x)
    except TypeError as e:
        print(type(x).__name__, e)
try:
    vars(c, c)
except TypeError as e:
    print(e)
class E:
    pass
e = E()
print(vars(e), sys.getsizeof(vars(e)))
e.z = [1]
print(vars(e))
