import gc
import weakref
class Box:
    pass
def announce(name):
    return lambda ref: print('died', name)
def make():
    b = Box()
    r = weakref.ref(b, announce('box'))
    def get():
        return b
    return get, r
get, r = make()
print('alive', r() is get())
del get
print('after del get')
def recursive():
    b = Box()
    r = weakref.ref(b, announce('cycle box'))
    def again(n):
        return b if n == 0 else again(n - 1)
    again(3)
    return r
gc.disable()
r = recursive()
print('after return', r() is not None)
print('collect')
gc.collect()
print('collected', r() is None)
gc.enable()
