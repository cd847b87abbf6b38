class Base:
    __slots__ = ('aa', 'ab', 'Bx')
    cls_value = 1
b = Base()
b.aa = 0
print(hasattr(b, 'a'), hasattr(b, 'cls_valu'))
b.a = 1
