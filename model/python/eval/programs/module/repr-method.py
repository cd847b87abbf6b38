class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(1, 2.5)
print(p)
print(repr(p), str(p), f'{p} and {p!r}')
