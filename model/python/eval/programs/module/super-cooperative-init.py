# super(): cooperative __init__ chains, methods and attributes found after the class, the
# implicit __class__ cell, the super object, and what sys.getrefcount of self sees in the callee.
import sys


class Base:
    kind = 'base'

    def __init__(self, x):
        self.x = x
        print('Base.__init__', sys.getrefcount(self), sys.getrefcount(x))

    def describe(self):
        return 'Base ' + str(self.x)


class Middle(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print('Middle.__init__', sys.getrefcount(self))

    def describe(self):
        return 'Middle/' + super().describe()


class Leaf(Middle):
    def __init__(self, x, y, z):
        super(Leaf, self).__init__(x, y)
        self.z = z

    def describe(self):
        text = super().describe()
        return 'Leaf/' + text

    def kind_of_base(self):
        return super().kind

    def the_super(self):
        return super()


payload = [1, 2]
leaf = Leaf(payload, 'y', 'z')
print(leaf.x is payload, leaf.y, leaf.z, sys.getrefcount(payload))
print(leaf.describe())
print(leaf.kind_of_base())
s = leaf.the_super()
print(repr(s), sys.getsizeof(s))
print(sys.getrefcount(leaf))
del s
print(sys.getrefcount(leaf))
print(Leaf.describe.__closure__[0].cell_contents is Leaf)
print(Middle.describe.__closure__[0].cell_contents is Middle)
m = Middle([3], 4)
print(m.describe(), sys.getrefcount(m))


class Plain:
    def __init__(self):
        super().__init__()
        print('Plain', sys.getrefcount(self))


class Strict:
    def __init__(self, v):
        try:
            super().__init__(v)
        except TypeError as e:
            print(e)


p = Plain()
st = Strict(5)
