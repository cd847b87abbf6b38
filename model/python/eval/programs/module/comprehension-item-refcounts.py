import sys
a = [1000001, 1000002]
counts = [sys.getrefcount(v) for v in a]
print(counts)
def g(seq):
    return [sys.getrefcount(v) for v in seq]
print(g(a), sys.getrefcount(a))
