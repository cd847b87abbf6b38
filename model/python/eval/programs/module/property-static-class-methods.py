import sys
class Pool:
    def __init__(self, size):
        self._items = [i for i in range(size)]
    @property
    def available(self):
        return len(self._items)
    @staticmethod
    def describe(n):
        return n * 2
    @classmethod
    def make(cls, n):
        return cls(n)
p = Pool.make(3)
print(p.available, Pool.describe(4), p.describe(5), type(p).__name__ if False else 'Pool')
p._items.pop()
print(p.available, sys.getrefcount(p))
