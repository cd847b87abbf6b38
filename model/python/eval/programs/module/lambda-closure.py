def outer():
    x = 5
    return lambda: x
print(outer()())
