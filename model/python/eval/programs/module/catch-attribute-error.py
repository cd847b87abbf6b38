# Catching the AttributeError of a failed attribute read: from 3.10 it holds the object (its
# `obj` member) until it dies, so sys.getrefcount sees one more reference in the handler.
import sys


class C:
    pass


class S:
    __slots__ = ('a', 'b')


c = C()
print(sys.getrefcount(c))
try:
    c.nope
except AttributeError as e:
    print(sys.getrefcount(c), e.args, str(e))
    kept = e
print(sys.getrefcount(c))
del kept
print(sys.getrefcount(c))
try:
    c.nope
except AttributeError:
    print(sys.getrefcount(c))
print(sys.getrefcount(c))


def read(o):
    return o.missing


try:
    read(c)
except AttributeError:
    print('from a call', sys.getrefcount(c))
print(sys.getrefcount(c))
s = S()
try:
    s.a
except AttributeError as e:
    print(sys.getrefcount(s), str(e))
print(sys.getrefcount(s), hasattr(c, 'nope'), getattr(c, 'nope', None), sys.getrefcount(c))
