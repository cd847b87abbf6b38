# BUILD_MAP keeps every key and value on the stack until the dict is built: a stored key
# counts one reference more in __eq__ and __hash__ while later pairs are inserted.
import sys
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print('eq', self.v, other.v, sys.getrefcount(self), sys.getrefcount(other))
        return self.v == other.v
    def __hash__(self):
        print('hash', self.v, sys.getrefcount(self))
        return self.v
a = P(0)
b = P(0)
c = P(0)
d = {a: b, c: 2, b: 3}
print(len(d))
