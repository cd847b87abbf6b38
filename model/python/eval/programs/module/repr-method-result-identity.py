class Thing:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
o = Thing('t' + str(len('abc')))
print(repr(o) is o.name, str(o) is o.name)
print(f'{o!r}' is o.name, f'{o}' is o.name, f'{o!s}' is o.name)
print(f'<{o!r}>' is o.name, repr(o), str(o))
