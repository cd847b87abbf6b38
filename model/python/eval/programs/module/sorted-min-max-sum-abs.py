# sorted/min/max/sum/abs: which objects come back (the item itself, a new int, a small int).
import sys
x = 1000
y = -1000
f = 2.5
print("abs", abs(x) is x, abs(y) == x, abs(y) is abs(y), abs(-5) is abs(5), abs(f) is f, abs(-0.0), abs(True), abs(-2.5))
l = [3, 1, 2]
s = sorted(l)
print("sorted", s, s is l, l, sys.getsizeof(s) - sys.getsizeof([]), sys.getsizeof(sorted((5, 4, 3, 2, 1))) - sys.getsizeof([]), sorted([]))
words = ["pear", "fig", "apple", "kiwi"]
def length(w):
    return len(w)
print("sorted key", sorted(words, key=length), sorted(words, key=length, reverse=True), sorted(words, reverse=True), sorted(words)[0] is words[2])
a = [1000, 1000.0, 999]
print("max min", max(a) is a[0], min(a) is a[2], max([7, 7.0]), min([2, 1, 1.0]), max(words, key=length), min(words, key=length) is words[1])
print("default", max([], default=None), min([1], default=5), max([], default=x) is x)
print("sum", sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([True, True]), sum(range(5)), sum((x,)) is x, sum([], 7))
print("refcount", sys.getrefcount(max(a)) == sys.getrefcount(a[0]))
for fn in (min, max):
    try:
        fn([])
    except ValueError as e:
        print("ValueError", e)
try:
    sum(["a"], "")
except TypeError as e:
    print("TypeError", e)
try:
    max([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    abs("a")
except TypeError as e:
    print("TypeError", e)
