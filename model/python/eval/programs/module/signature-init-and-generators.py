# Signatures of __init__ (a class call's TypeError names C.__init__ from 3.10) and of generator methods.
import sys
class C:
    def __init__(self, x, *, y=1):
        self.x = x
big = 10 ** 20
for call in [lambda: C(), lambda: C(big, big), lambda: C(big, z=1), lambda: C(x=big, y=2).x is big]:
    try:
        print(call())
    except TypeError as e:
        print(e, sys.getrefcount(big))
class G:
    def gen(self, *items, stop=None):
        for i in items:
            if i is stop:
                return
            yield i
print(list(G().gen(1, 2, 3, stop=None)), list(G().gen()))
