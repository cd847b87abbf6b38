class Base:
    __slots__ = ('aa', 'ab')
b = Base()
b.ab = 2
print(b.ab)
print(b.aa)
