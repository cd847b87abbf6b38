# A range keeps its argument ints and its length (Objects/rangeobject.c range_from_array,
# make_range_object; range_dealloc releases them); len() beyond Py_ssize_t is an OverflowError.
import sys
n = 10**20
m = n + 1
r = range(n)
r2 = range(1, m, 2)
print(sys.getrefcount(n), sys.getrefcount(m), len(range(10**5)), r2[-1] == n - 1)
try:
    print(len(r))
except OverflowError as e:
    print('OverflowError', e)
del r, r2
print(sys.getrefcount(n), sys.getrefcount(m))
