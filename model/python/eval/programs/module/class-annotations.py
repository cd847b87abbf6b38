import sys
class Point:
    x: int
    y: int = 0
    label: str = 'origin'
    def moved(self, dx: int) -> 'Point':
        shift: int = dx
        return shift
p = Point()
print(Point.__annotations__, Point.y, p.label, Point.__annotations__['x'] is int)
print(list(Point.__annotations__), 'x' in Point.__annotations__, p.moved(3))
big = 654321
class Holder:
    value: int = big
print(Holder.value is big, sys.getrefcount(big) - 2)
print(hasattr(Point(), 'x'), hasattr(Point(), 'y'))
