class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p.norm2(), p.x, p.y)
p.x = 10
print(p.norm2())
q = Point(1, 1)
print(isinstance(p, Point), type(p) is Point, p is q)
class Child(Point):
    def norm2(self):
        return 0
c = Child(1, 2)
print(c.norm2(), isinstance(c, Point), c.x)
print(p.z)
