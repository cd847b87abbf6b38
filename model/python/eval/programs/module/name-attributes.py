def area(w, h):
    return w * h
class Shape:
    def scale(self, k):
        return k
class Square(Shape):
    pass
s = Square()
print(area.__name__, Shape.__name__, s.scale.__name__, Square.scale.__name__)
names = ['area', 'Square']
print(area.__name__ is names[0], Square.__name__ is names[1], s.__class__ is Square, s.__class__.__name__ is Square.__name__)
print(int.__name__ is int.__name__, int.__name__ == 'int', type(None).__name__, type(...).__name__, type(area).__name__)
print(len.__name__, print.__name__ is print.__name__, type(len).__name__, (5).__class__ is int, 'text'.__class__.__name__)
print([].__class__.__name__, {}.__class__ is dict, (1, 2).__class__.__name__, type(s.scale).__name__)
kind = type(3.5).__name__
print(kind is type(2.5).__name__, kind)
for obj in [1, 'a', [], None, area, Shape]:
    print(type(obj).__name__, obj.__class__ is type(obj))
