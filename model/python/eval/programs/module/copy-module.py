import copy
a = [1, [2, 3]]
b = copy.copy(a)
c = copy.deepcopy(a)
print(a == b, a is b, a[1] is b[1], a[1] is c[1], a == c)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
s = 'abc def'
print(copy.copy(s) is s, copy.deepcopy(s) is s)
