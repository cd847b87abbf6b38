import sys
l = [0, 1]
l += l
print(l, sys.getsizeof(l))
m = [[]]
m.extend(m)
print(m, sys.getrefcount(m[0]))
n = [1] * 9
n += n
print(len(n), sys.getsizeof(n))
e = []
e += e
print(e, sys.getsizeof(e))
def f(a):
    a += a
    return a
print(f([1, 2, 3]))
