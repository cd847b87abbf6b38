import sys
def inner(obj):
    local = obj
    raise ValueError('bad')
big = [1, 2]
print(sys.getrefcount(big))
try:
    inner(big)
except ValueError as e:
    print(sys.getrefcount(big), sys.getrefcount(e), str(e), repr(e), e.args)
print(sys.getrefcount(big))
try:
    inner(big)
except (TypeError, ValueError):
    print(sys.getrefcount(big))
print(sys.getrefcount(big))
try:
    x = 1
except ValueError:
    pass
else:
    print('else')
finally:
    print('finally')
def f():
    try:
        return 'try'
    finally:
        print('in finally')
print(f())
try:
    print(e)
except NameError as err:
    print('e deleted', err)
