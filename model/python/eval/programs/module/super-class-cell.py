# The implicit __class__ cell: shared by the methods that use super() or __class__, set to the
# class when it is made; super() errors; super() from nested functions and through a cell.
import sys


class C:
    def f(self):
        return super()

    def g(self):
        return __class__

    def h(self):
        return 1


cell = C.f.__closure__[0]
print(C.f.__closure__ is C.g.__closure__, cell is C.g.__closure__[0], sys.getrefcount(cell))
print(C.h.__closure__, cell.cell_contents is C, C().g() is C)
print(sys.getsizeof(cell) > 0)


class Base:
    def greet(self, who):
        return 'hello ' + who


class Child(Base):
    def greet(self, who):
        def inner():
            return super(Child, self).greet(who)
        return inner() + '!'

    def via_lambda(self):
        f = lambda: __class__
        return f() is Child

    def captured(self):
        def use():
            return self
        return super().greet('cell') + str(use() is self)


c = Child()
print(c.greet('you'), c.via_lambda(), c.captured())


class Errors:
    def no_args():
        try:
            super()
        except RuntimeError as e:
            print(e)

    def deleted(self):
        del self
        try:
            super()
        except RuntimeError as e:
            print(e)


def outside(self):
    try:
        super()
    except RuntimeError as e:
        print(e)


Errors.no_args()
Errors().deleted()
outside(1)
try:
    super()
except RuntimeError as e:
    print(e)
