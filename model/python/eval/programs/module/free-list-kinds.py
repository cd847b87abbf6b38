print('start')
k = 7
a = [k]
ia = id(a)
del a
d = {}
print('dict after list', id(d) == ia)
l = []
print('list after list', id(l) == ia)
t = (k, k)
it = id(t)
del t
t2 = (k, 8)
print('2-tuple after 2-tuple', id(t2) == it)
def make():
    return [k, k]
p = make()
ip = id(p)
del p
q = make()
print('list made in a function', id(q) == ip)
