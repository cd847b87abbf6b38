import sys
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc is not None:
            print('exit sees', exc.args, sys.getrefcount(exc))
        return True
class Passes:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit passes on', exc.args)
        return None
held = [1, 2]
with Suppress() as s:
    raise ValueError('boom', held)
print('after suppressed', sys.getrefcount(held), sys.getrefcount(s))
try:
    with Passes():
        raise TypeError('through')
except TypeError as e:
    print('caught', e)
with Suppress():
    print('no exception')
    exc_free = 1
print(exc_free)
