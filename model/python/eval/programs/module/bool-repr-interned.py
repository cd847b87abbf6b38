import sys
a = str(True)
print(a is 'True', str(False) is 'False', repr(True) is 'True', f'{True}' is 'True', str(True) is str(True))
b = 'Tr'
c = b + 'ue'
print(sys.intern(c) is a)
x = 'False'
print(format(False) is x, f'{False!r}' is x, '%s' % True is 'True', '%r' % False is x)
def f():
    return 'True'
print(f() is str(True), str(1 == 1) is f())
