import sys
def show(a, b=2, c=3):
    n = sys.getrefcount(a)
    return [a, b, c, n]
big = 1000000000
print(show(big, c=5)[1:3], show(c=1, a=big)[:3], show(big, b=big)[3], show(a=big)[3])
class Box:
    def __init__(self, value, label='box'):
        self.value = value
        self.label = label
    def get(self, default=None):
        return self.value if self.value is not None else default
b = Box(value=big, label='x')
print(b.label, b.get(default=0) is big, sys.getrefcount(big))
