import sys
def f():
    x = [1000001]
    return [sys.getrefcount(x) for _ in range(1)]
print(f())
