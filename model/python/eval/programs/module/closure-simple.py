def outer():
    x = 5
    def inner():
        return x
    return inner()
print(outer())
