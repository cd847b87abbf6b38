import sys
x = [1, 2]
assert len(x) == 2, 'two items'
try:
    assert len(x) > 5, f'only {len(x)}'
except AssertionError as e:
    print('caught', e, e.args, sys.getrefcount(e))
assert x[0] == 3, x
