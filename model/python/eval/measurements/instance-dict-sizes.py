# sys.getsizeof(obj.__dict__) for classes setting 0-7 attributes: the first instance, a second, the first again.
import sys
def mk(n):
    class C:
        def __init__(self):
            for i in range(n):
                setattr(self, 'a%d' % i, i)
    return C
for n in range(0, 8):
    C = mk(n)
    a = C()
    s1 = sys.getsizeof(a.__dict__)
    b = C()
    s2 = sys.getsizeof(b.__dict__)
    s3 = sys.getsizeof(a.__dict__)
    print(n, s1, s2, s3)
