import weakref
class C:
    pass
def cb(r):
    print('callback', r() is None)
o = C()
r = weakref.ref(o, cb)
print('before')
del o
print('after')
ws = weakref.WeakSet()
a = C()
b = C()
ws.add(a)
ws.add(b)
print(len(ws))
del a
print(len(ws), b in ws)
try_it = weakref.ref(b)
print(try_it() is b)
weakref.ref(1)
