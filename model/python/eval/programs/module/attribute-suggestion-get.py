class Base:
    __slots__ = ('aa', '_ab')
b = Base()
print(b.ab)
