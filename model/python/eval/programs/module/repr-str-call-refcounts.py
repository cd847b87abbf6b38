# A Python __repr__ reached by repr(o), str(o) (an args tuple before 3.13) and an f-string; the str it returns is the result, kept by stdout once printed.
import sys
class C:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        print('self', sys.getrefcount(self))
        return self.name
o = C(''.join(['n', 'm']))
r = repr(o)
print(sys.getrefcount(r))
t = str(o)
print(sys.getrefcount(t))
u = f'{o!r}'
print(sys.getrefcount(u))
