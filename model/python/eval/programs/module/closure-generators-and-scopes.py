import sys
def make(seq):
    total = [0]
    def gen():
        for x in seq:
            total[0] += 1
            yield x
    return gen, total
data = [10, 20]
gen, total = make(data)
print(sys.getrefcount(data))
g = gen()
print(next(g), total)
print(sys.getrefcount(data))
del g
def gen2(a):
    f = lambda: a
    yield f()
    yield sys.getrefcount(a)
obj = [1]
print(list(gen2(obj)), sys.getrefcount(obj))
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(3):
        bump()
    return count
print(counter())
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
def uses_global():
    global GG
    GG = [1]
    def inner():
        return GG
    return inner() is GG
print(uses_global())
def except_cell():
    try:
        raise ValueError('v')
    except ValueError as e:
        f = lambda: e
        print(type(f()).__name__ if False else 'caught')
    return 'ok'
print(except_cell())
def annotated():
    x = [1]
    def g():
        y: x = 2
        return y
    print('annotated', sys.getrefcount(x), g())
annotated()
