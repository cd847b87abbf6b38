import sys
class S:
    __slots__ = ('x',)
s = S()
s.x = 5
print(s.x, sys.getsizeof(s))
s.y = 1
