import sys
m = 'msg' + str(len('ab'))
e = ValueError(m)
print(e.args, repr(e), str(e), e.args[0] is m, sys.getrefcount(m))
z = Exception()
print(z.args, repr(z), str(z) == '', type(z).__name__)
k = KeyError('k', 2)
print(repr(k), str(k), str(KeyError('k')), repr(KeyError()))
try:
    raise e
except ValueError as caught:
    print(caught is e, sys.getrefcount(e), caught.args)
print(sys.getrefcount(e), sys.getrefcount(m))
del e
print(sys.getrefcount(m))
errors = [TypeError('t'), ZeroDivisionError(1, 2), RuntimeError()]
for err in errors:
    try:
        raise err
    except ArithmeticError as a:
        print('arith', repr(a))
    except Exception as other:
        print('other', repr(other), other is err)
print([repr(x) for x in errors], isinstance(errors[1], ArithmeticError))
print(sys.getsizeof(z), sys.getsizeof(KeyError("a", "b")), [sys.getsizeof(x) for x in errors])
raise errors[0]
