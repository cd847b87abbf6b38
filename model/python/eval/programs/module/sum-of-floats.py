# sum() of floats: plain doubles before 3.12, Neumaier's compensation since (int items
# compensated too since 3.14); the result is a new float, the temporary ones are freed.
import sys
print(sum([0.1] * 10), sum([1e16, 1, 1.0]), sum([1e100, 1.0, -1e100]))
print(sum([1, 2, 0.5]), sum([0.5, True, 2]), sum([], 0.5), sum([0.25, 0.5], 1.5))
print(sum([1e308, 1e308]), sum([-0.0]), sum([-0.0], -0.0), sum([0.1, 0.2, 0.3]))
half = 0.5
s = sum([half])
print(s == half, s is half, sys.getrefcount(half))
def in_function():
    values = [2.5, 3.5, 1]
    total = sum(values)
    print(total, sys.getrefcount(total), sys.getrefcount(values))
in_function()
a = sum([0.75, 0.125])
i = id(a)
del a
b = sum([1.5, 1.5])
print('the freed float is reused:', id(b) == i)
