import weakref
class C:
    pass
order = []
def cb1(r):
    order.append('first')
def cb2(r):
    order.append('second')
o = C()
r1 = weakref.ref(o, cb1)
r2 = weakref.ref(o, cb2)
r3 = weakref.ref(o)
print(r3 is weakref.ref(o), r1 is r2)
del o
print(order)
del r1
p = C()
w = weakref.ref(p, cb1)
del w
del p
print(order)
