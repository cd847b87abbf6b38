# A folded constant equal to a literal of the same compilation: 3.14 folds in the CFG optimizer after
# code generation, so the result is the literal's object (held by the AST arena) wherever the literal is;
# earlier versions fold in the AST, before code generation, in source order.
import sys
a = 2 ** 10
b = 1024
n = 300 + 0
print(sys.getrefcount(a), a is b, sys.getrefcount(n))
def f():
    return -5000
def g():
    x = 2.5
    return -x
w = 5000
print(sys.getrefcount(w), sys.getrefcount(f()), sys.getrefcount(2.5 + 0))
