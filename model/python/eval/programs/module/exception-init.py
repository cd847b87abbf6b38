import sys
class Coded(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class Plain(ValueError):
    def __init__(self, a, b):
        self.total = a + b
class Twice(Coded):
    def __init__(self, msg):
        super().__init__(msg, 2)
        self.extra = [msg]
c = Coded('bad', 5)
print(c.args, c.code, str(c), repr(c), c.__dict__)
p = Plain(1, 2)
print(p.args, p.total, str(p), repr(p))
t = Twice('tw')
print(t.args, t.code, t.extra, isinstance(t, Coded), sys.getrefcount(t))
print(sys.getsizeof(c) == sys.getsizeof(t), sys.getsizeof(p), sys.getsizeof(ValueError()))
def run(kind):
    if kind == 'c':
        raise Coded('failed', 3)
    if kind == 'p':
        raise Plain(4, 5)
    raise Twice('again')
for kind in 'cpt':
    try:
        run(kind)
    except Coded as e:
        print('coded', e.code, e, e.args)
    except Exception as e:
        print('other', type(e).__name__, e.total, e)
raise Coded('the end', 1)
