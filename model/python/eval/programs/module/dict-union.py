import sys
x = object()
a = {'x': x, 'k': 1}
b = {'y': x, 'k': 2}
try:
    c = a | b
    print(c['k'], list(c), sys.getrefcount(x), c is a, sys.getrefcount(c))
except TypeError as err:
    print(err)
keep = a
try:
    a |= b
    print(list(a), a is keep, sys.getrefcount(x))
except TypeError as err:
    print(err)
try:
    print({} | {}, len({'q': 1} | {}), ({} | b) == b, ({} | b) is b)
    a | 1
except TypeError as err:
    print(err)
print(sys.getrefcount(x), sys.getrefcount(a), sys.getrefcount(b))
