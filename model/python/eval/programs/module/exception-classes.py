import sys
class AppError(Exception):
    pass
class BadValue(ValueError):
    pass
class MissingKey(KeyError):
    pass
class Base(BaseException):
    pass
def check(n):
    if n == 0:
        raise AppError('zero', n)
    if n == 1:
        raise BadValue('one')
    if n == 2:
        raise MissingKey('two')
    if n == 3:
        raise Base()
    return n
for n in range(5):
    try:
        try:
            print('ok', check(n))
        except ValueError as e:
            print('value', type(e).__name__, e, repr(e), e.args, isinstance(e, BadValue))
        except LookupError as e:
            print('lookup', str(e), repr(e), isinstance(e, KeyError), isinstance(e, Exception))
        except AppError as e:
            print('app', e.args, str(e), sys.getrefcount(e), isinstance(e, ValueError))
    except BaseException as b:
        print('base', repr(b), isinstance(b, Exception), type(b).__name__)
print(AppError, BadValue.__name__, issubclass(BadValue, ValueError) if False else 'x')
try:
    raise AppError
except (KeyError, AppError) as e:
    print('bare class', repr(e), e.args)
raise BadValue('boom', 7)
