import sys
def outer():
    v = [1]
    def inner():
        return v
    return inner

f = outer()
sys.getrefcount(f())
def adder(n):
    return lambda x: x + n

adder(3)(4)
