# C(args) run several times at one call site: from 3.13 its second run enters __init__ with the
# stack's references (CALL_ALLOC_AND_ENTER_INIT) when __init__ takes exactly those arguments and
# the class has no __slots__ (3.14: any simple __init__, defaults and __slots__ too); otherwise
# the generic call packs them in a tuple.
import sys


class Simple:
    def __init__(self, a, b):
        print('Simple', sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(self))


class WithDefault:
    def __init__(self, a, b=None):
        print('WithDefault', sys.getrefcount(a))


class Slotted:
    __slots__ = ('a',)

    def __init__(self, a):
        self.a = a
        print('Slotted', sys.getrefcount(a))


class Chained(Simple):
    def __init__(self, a, b):
        super().__init__(a, b)
        print('Chained', sys.getrefcount(a))


keep = []
for i in range(3):
    x = [i]
    keep.append(Simple(x, [0]))
    WithDefault([i])
    keep.append(Slotted([i]))
    c = Chained(x, [1])
    print(sys.getrefcount(x), sys.getrefcount(c))


def make(n):
    return Simple([n], [n])


for i in range(3):
    make(i)
