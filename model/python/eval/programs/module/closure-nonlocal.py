import sys
import weakref
class Box:
    pass
def announce(name):
    return lambda ref: print('died', name)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
inc = counter()
inc()
inc()
print('count', inc())
def rebinder():
    item = Box()
    r1 = weakref.ref(item, announce('first'))
    def replace():
        nonlocal item
        item = Box()
        print('replaced')
    replace()
    print('after replace')
    r2 = weakref.ref(item, announce('second'))
    def drop():
        nonlocal item
        del item
        print('deleted')
    drop()
    print('end of rebinder')
    return r1, r2
rebinder()
def shared():
    data = []
    def add(x):
        data.append(x)
    def size():
        return len(data)
    return add, size
add, size = shared()
add(1)
add(2)
print('size', size())
def deep():
    v = [5]
    def mid():
        def inner():
            return v
        return inner
    return mid()
got = deep()()
print('through two levels', sys.getrefcount(got))
