import copy
import sys
for n in (1, 3, 5, 9, 13, 17, 30):
    l = list(range(n))
    print(n, sys.getsizeof(copy.copy(l)), sys.getsizeof(copy.deepcopy(l)))
a = [1]
c = copy.deepcopy([a, a])
print(c[0] is c[1], c[0] is a)
t = (a, a)
u = copy.deepcopy(t)
print(u is t, u[0] is u[1])
v = copy.deepcopy((a, [a]))
print(v[0] is v[1][0])
l = []
l.append(l)
d = copy.deepcopy(l)
print(d, d[0] is d, d is l)
w = ([],)
w[0].append(w)
x = copy.deepcopy(w)
print(x, x is w, x[0][0] is x)
