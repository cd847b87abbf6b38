# Constants only dead code loads leave co_consts (one reference less to an equal constant elsewhere):
# short-circuited operands and unreachable code from 3.10 (fact deadCodeConstants), the body of a
# constant-false conditional expression from 3.12.
import sys
def f():
    return 0.25 or 3000.5
def g():
    return 7000.5 if False else 0
c = 3000.5
d = 7000.5
print(sys.getrefcount(c), sys.getrefcount(d), f(), g())
