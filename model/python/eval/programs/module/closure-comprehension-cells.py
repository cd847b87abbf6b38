import sys
def listcomp_reads_local():
    x = [7]
    out = [x for _ in range(2)]
    print('x', sys.getrefcount(x))
    return out
listcomp_reads_local()
def genexp_reads_local():
    x = [8]
    g = (x for _ in range(2))
    print('x with a generator', sys.getrefcount(x))
    first = next(g)
    print('x after next', sys.getrefcount(x))
    del first
    del g
    print('x after del', sys.getrefcount(x))
genexp_reads_local()
def lambdas_in_loop():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(lambdas_in_loop())
def default_binding():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    return [f() for f in fs]
print(default_binding())
def nested_comprehensions():
    k = [9]
    d = {i: [k for _ in range(i)] for i in range(3)}
    print('k in nested comprehensions', sys.getrefcount(k), len(d))
nested_comprehensions()
