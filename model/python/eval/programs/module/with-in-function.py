import sys
# Refused on 3.14: its compiler borrows stack references around a with statement in a function.
class Manager:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self.tag
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.tag, exc_type is None)
        return exc is not None
def leave_by_return():
    with Manager('return') as r:
        return r
print(leave_by_return())
def suppressed_in_function():
    local = [3]
    with Manager('raises'):
        raise ValueError(len(local))
    return sys.getrefcount(local)
print(suppressed_in_function())
def manager_in_local():
    m = Manager('local')
    with m as v:
        count = sys.getrefcount(m)
    return count, v
print(manager_in_local())
