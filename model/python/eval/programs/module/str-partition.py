# str.partition / rpartition (Objects/stringlib/partition.h): not found, the receiver itself and '' twice;
# found, new head and tail (one-character ones cached), and the separator object itself.
import sys
s = 'ab' + str(1) + '--cd'
sep = str(0)[:0] + '--'
empty = ''
x = 'x'
t = s.partition(sep)
print(t, t[1] is sep, sys.getrefcount(sep), sys.getrefcount(t[0]))
u = s.partition('q')
v = s.rpartition('q')
print(u[0] is s, v[2] is s, u[1] is empty, sys.getrefcount(s))
w = 'x-y'.rpartition('-')
print(w, w[0] is x, w[2] is chr(121))
try:
    s.partition(empty)
except ValueError as e:
    print(e)
