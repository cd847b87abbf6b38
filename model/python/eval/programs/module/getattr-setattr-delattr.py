import sys
class C:
    def __init__(self):
        self.a = [1, 2]
c = C()
print(getattr(c, 'a'), getattr(c, 'missing', 'default'))
setattr(c, 'b', 'value')
print(c.b, hasattr(c, 'b'))
delattr(c, 'b')
print(hasattr(c, 'b'), getattr(c, 'b', None), sys.getrefcount(c.a))
