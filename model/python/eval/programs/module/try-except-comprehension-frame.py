import sys
big = [7, 8]
def fail(x):
    raise ValueError(x)
try:
    [fail(v) for v in [big]]
except ValueError:
    print(sys.getrefcount(big))
print(sys.getrefcount(big))
