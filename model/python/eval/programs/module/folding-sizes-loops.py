import sys
t = (1000, 2000)
print(sys.getrefcount(t), sys.getrefcount(t[0]))
l = [1000, 2000, 3000]
print(sys.getsizeof(l), sys.getrefcount(l[0]))
e = 10**20
print(sys.getrefcount(e))
for q in range(3):
    print(q)
n = 0
while n < 3:
    n += 1
print(n, len('héllo'), chr(233), ord('a'), hex(-255), isinstance(n, int), type(n), type(1.5))
