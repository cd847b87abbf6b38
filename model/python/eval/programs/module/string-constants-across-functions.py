import sys
def f():
    return 'not an identifier'
def g():
    return 'not an identifier'
print(f() is g())
x = 'not an identifier'
print(x is f(), sys.getrefcount(x))
y = 'identifier_ok'
def h():
    return 'identifier_ok'
print(y is h())
z = ''.join(['identifier', '_ok'])
print(z is y, sys.intern(z) is y)
