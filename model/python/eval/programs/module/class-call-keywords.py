# C(a=x): slot_tp_init's _PyStack_UnpackDict copies self, the arguments and the keyword values (one
# reference each) while __init__ runs; a plain function called with keywords takes no copy.
import sys
class C:
    def __init__(self, a, b):
        print(sys.getrefcount(a), sys.getrefcount(self))
x = [1]
C(a=x, b=[2])
C(x, b=[2])
def f(a, b):
    print(sys.getrefcount(a))
f(a=x, b=[2])
