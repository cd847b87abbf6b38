import sys
class Manager:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print('enter', self.tag, sys.getrefcount(self))
        return self.tag
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.tag, exc_type is None, exc is None, sys.getrefcount(self))
        return False
m = Manager('named')
print(sys.getrefcount(m))
with m as value:
    print('body', value, sys.getrefcount(m))
print(sys.getrefcount(m), value)
with Manager('temporary'):
    print('body without target')
payload = []
with Manager(payload) as same:
    print(sys.getrefcount(payload), same is payload)
print(sys.getrefcount(payload))
del same
print(sys.getrefcount(payload))
for i in range(3):
    with Manager(i):
        if i == 1:
            break
print('loop done', i)
with Manager('a') as x, Manager('b') as y:
    print('nested', x, y)
