class Base:
    __slots__ = ('abc',)
    def method(self):
        pass
b = Base()
b.abc = 1
del b.abc
print(hasattr(b, 'abc'))
del b.abd
