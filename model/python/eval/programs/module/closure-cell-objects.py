import sys
def outer():
    x = [1]
    def inner():
        return x, y
    c = inner.__closure__[0]
    print(sys.getrefcount(c), c.cell_contents is x)
    try:
        inner.__closure__[1].cell_contents
    except ValueError as e:
        print('ValueError', e)
    y = 2
    return inner
f = outer()
print(f.__closure__[1].cell_contents, len(f.__closure__))
cells = f.__closure__
print(sys.getrefcount(cells), sys.getrefcount(cells[0]))
del f
print(sys.getrefcount(cells), sys.getrefcount(cells[0]), cells[0].cell_contents)
def plain():
    return 1
print(plain.__closure__)
try:
    for v in cells[0]:
        pass
except TypeError as e:
    print('TypeError', e)
