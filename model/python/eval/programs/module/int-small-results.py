# Small int results of multi-digit arithmetic: the cached object or a new one, per version
# (Objects/longobject.c x_sub, long_divrem / long_rem, l_divmod). Variables, so nothing folds.
# the small ints compared with, by name (an `is` with a literal warns)
minus_1 = -1
n0 = 0
n1 = 1
n2 = 2
n5 = 5
n7 = 7
big = 10**20
after = big + 1
neg = -big
print((after - big) is n1, (big - after) is minus_1, (after + neg) is n1, (neg + after) is n1)
two = 2**30
print((two + 1 - two) is n1, (two - (two - 5)) is n5, (big - big) is n0, (big * 0) is n0)
print((big % big) is n0, (big % (big - 5)) is n5, (neg % (big + 5)) is n5, (big % 7) is n2)
r = big % (big * 1000)
print(r is big, (big // big) is n1, (neg // (big * 10)) is minus_1)
b = 2**31 + 7
print(b % (2**32) is b, b % two is n7, (neg % 1000) is n0)
q, m = divmod(big, big * 1000)
print(q, m is big, divmod(big, big - 5)[1] is n5, divmod(after, big) == (1, 1))
x = 1000
print(divmod(x, 7), divmod(-x, 7), divmod(x, -7), divmod(x, 5000)[1] is x)
# long_rshift1 (3.11+): a negative multi-digit int shifted by 0 is itself; others are new.
zero = 0
for v in (neg, big, two, -two, -two + 1):
    print((v >> zero) is v, (v << zero) is v, (v | zero) is v)
