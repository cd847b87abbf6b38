# Pending loads of a comprehension's own targets in its element are borrowed on 3.14 (the first one after the target's store is not).
import sys
def f(seq):
    first = seq[0]
    a = ''.join(['q', 'r'])
    print({v: sys.getrefcount(v) for v in seq if v is not first})
    print([(v, v, sys.getrefcount(v))[2] for v in seq])
    print([(v, sys.getrefcount(v))[1] for v in seq if v])
    print([[v, a, sys.getrefcount(v)][2] for v in seq])
    print({(v, 1): sys.getrefcount(v) for v in seq})
f([100000, 100001])
seq = [100002, 100003]
print({v: sys.getrefcount(v) for v in seq if v is not seq[0]})
print([(v, v, sys.getrefcount(v))[2] for v in seq])
