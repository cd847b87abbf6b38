# do_richcompare: the reflected operand of a subclass first, NotImplemented passed on,
# object.__ne__ inverting __eq__ through a wrapper descriptor, and results that are not bools.
import sys


class A:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        if isinstance(other, A):
            print('  A.__eq__', self.name, other.name, sys.getrefcount(self), sys.getrefcount(other))
            return self.name == other.name
        print('  A.__eq__', self.name, other, sys.getrefcount(self))
        return NotImplemented


class B(A):
    def __eq__(self, other):
        print('  B.__eq__', self.name)
        return 'yes'


class N:
    def __init__(self, name):
        self.name = name

    def __ne__(self, other):
        print('  N.__ne__', self.name)
        return False


x = A('x')
y = A('y')
z = B('z')
n = N('n')
print(x == y)
print(x != y)
print(x == z)
print(z == x)
print(x == 1)
print(1 == x)
print(x != 1)
print(n != x)
print(n == n, n == N('m'))
print(x == y == z)
r = z == x
print(r)
print(A.__hash__ is None, B.__hash__ is None)
try:
    hash(x)
except TypeError as e:
    print('TypeError', e)
try:
    s = {x}
except TypeError as e:
    print('TypeError', e)
try:
    d = {}
    d[z] = 1
except TypeError as e:
    print('TypeError', e)
