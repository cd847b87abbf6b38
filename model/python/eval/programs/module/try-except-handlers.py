import sys
def div(a, b):
    return a / b
try:
    div(1, 0)
except ZeroDivisionError as e:
    print('caught', e, repr(e), e.args)
try:
    [1][5]
except LookupError as e:
    print(type(e).__name__ if False else 'lookup', e)
try:
    undefined_thing
except NameError as e:
    print('name', e)
def risky(n):
    data = [n] * 3
    if n > 1:
        raise ValueError('n', n)
    return data
for n in range(3):
    try:
        r = risky(n)
    except ValueError as err:
        print('failed', err.args, sys.getrefcount(err))
    else:
        print('ok', len(r))
    finally:
        print('done', n)
def reraiser():
    try:
        raise TypeError('inner')
    except TypeError:
        print('handling')
        raise
try:
    reraiser()
except TypeError as e:
    print('outer', e)
def loop():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print('finally', i)
    return i
print(loop())
