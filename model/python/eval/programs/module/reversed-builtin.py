import sys
l = [1, 2, 3]
r = reversed(l)
print(type(r).__name__, sys.getsizeof(r), sys.getrefcount(l))
print(list(r), sys.getrefcount(l))
print(sys.getsizeof(list(reversed(l))), sys.getsizeof(list(reversed((1, 2, 3)))), sys.getsizeof(list(reversed('abc'))))
for n in range(8):
    print(n, sys.getsizeof(list(reversed(list(range(n))))), sys.getsizeof(list(reversed(tuple(range(n))))))
t = (4, 5)
rt = reversed(t)
print(type(rt).__name__, sys.getsizeof(rt), next(rt), sys.getrefcount(t), next(rt), sys.getrefcount(t))
print(next(rt, 'end'), sys.getrefcount(t))
print(list(reversed('héllo')), ''.join(reversed('abc')) if False else '', tuple(reversed([1, 2])))
for x in reversed(range(0, 10, 3)):
    print(x, end=' ')
print()
for bad in ({1}, 5, None):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
l2 = [1, 2, 3]
r2 = reversed(l2)
next(r2)
l2.pop()
l2.pop()
print(list(r2), sys.getrefcount(l2))
l3 = [7, 8]
r3 = reversed(l3)
for x in r3:
    pass
print(sys.getrefcount(l3), list(r3), sys.getrefcount(l3))
print(type(reversed(range(3))).__name__, sys.getsizeof(reversed(range(3))))
