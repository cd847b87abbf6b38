class Base:
    __slots__ = ('aa', 'ab')
b = Base()
b.ab = 1
del b.aa
