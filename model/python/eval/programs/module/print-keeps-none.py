# str(None) is a new str each time; stdout keeps it, so its block is not free for the next one.
import sys
n = None
print(n)
x = ''.join(['N', 'o', 'n', 'e'])
print(sys.getrefcount(x))
w = ''.join(['a', 'b', 'c', 'd'])
k = id(w)
del w
print(n)
y = ''.join(['e', 'f', 'g', 'h'])
print(id(y) == k)
