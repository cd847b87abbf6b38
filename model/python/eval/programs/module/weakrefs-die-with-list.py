import weakref
class C:
    pass
objs = [C(), C(), C()]
refs = []
for o in objs:
    refs.append(weakref.ref(o))
del o
alive = []
for r in refs:
    alive.append(r() is None)
print(alive)
del objs
alive = []
for r in refs:
    alive.append(r() is None)
print(alive)
