def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15))
def g(a, b=10):
    return a + b
print(g(1), g(1, 2))
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def h():
    return x
x = 5
print(h())
def u():
    print(v)
    v = 1
u()
