# list *= n works in place (list_inplace_repeat): the same object, resized by list_resize; n < 1 clears it.
import sys
a = [1, 2]
b = a
a *= 3
print(a is b, b, sys.getsizeof(a))
a *= 1
print(a is b, sys.getsizeof(a))
a *= 0
print(a is b, b, sys.getsizeof(a))
c = [7]
c *= -1
print(c, sys.getsizeof(c))
d = [1, 2, 3]
d *= 5
print(sys.getsizeof(d), len(d))
item = 'x' + str(len(d))
e = [item]
e *= 4
print(sys.getrefcount(item), e.count(item))
e *= 0
print(sys.getrefcount(item))
f = []
f *= 10
print(f, sys.getsizeof(f))
try:
    f *= 2.0
except TypeError as ex:
    print('TypeError', ex)
