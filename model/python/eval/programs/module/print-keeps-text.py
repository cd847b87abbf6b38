# A captured stdout (pipe or file) is block-buffered: each printed ASCII str is kept until it flushes.
import sys
s = ''.join(['a', 'b'])
print(s)
print(sys.getrefcount(s))
print(s, s)
print(sys.getrefcount(s))
sep = ''.join(['-', '-'])
end = ''.join(['!', '\n'])
print('x', 'y', sep=sep, end=end)
print(sys.getrefcount(sep), sys.getrefcount(end))
u = ''.join(['\xe9', 'a'])
print(u)
print(sys.getrefcount(u))
t = ''.join(['c', 'd'])
print(t, flush=True)
print(sys.getrefcount(t), sys.getrefcount(s), sys.getrefcount(sep))
a = [1, 2]
i = id(a)
del a
print('between')
b = [3, 4]
print(id(b) == i)
c = [5]
j = id(c)
del c
d = [6]
print(id(d) == j)
