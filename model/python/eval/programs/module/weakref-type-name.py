import weakref
class K:
    pass
k = K()
r = weakref.ref(k)
try:
    r + 1
except TypeError as e:
    print(e)
try:
    weakref.ref(r)
except TypeError as e:
    print(e)
print(-r)
