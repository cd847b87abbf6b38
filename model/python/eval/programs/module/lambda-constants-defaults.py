import sys
# A lambda has its own code object; its constants are merged with the module's (one unit).
f = lambda: 123456
g = lambda: 123456
print(f() is g())
big = 654321
print(f() is big, g() == 123456)
# A default is evaluated once, when the lambda expression runs, and held by __defaults__.
held = 987654
print(sys.getrefcount(held))
pick = lambda a=held: a
print(sys.getrefcount(held), pick() is held)
held = None
print(pick() == 987654)
add = lambda x, y=10: x + y
print(add(1), add(1, 2))
# Lambdas in a list, called later; each call runs its own code.
calls = [lambda: 'first', lambda: 'second']
print(calls[1](), calls[0]())
# Defaults bind the value at definition time; a global is read when called.
n = 1
early = lambda v=n: v
late = lambda: n
n = 2
print(early(), late())
# A lambda inside a function that uses only its parameters and globals.
def outer(s):
    twice = lambda t: t * 2
    return twice(s)
print(outer('ab'))
del pick
print(sys.getrefcount(big))
