import weakref
class C:
    pass
def cb(r):
    print('collected')
a = C()
a.me = a
w = weakref.ref(a, cb)
del a
junk = []
n = 0
while n < 3000:
    junk.append([n])
    n += 1
print('done', w() is None)
