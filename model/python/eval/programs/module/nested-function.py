def outer():
    x = [1]
    def inner():
        return 1
    return inner()
print(outer())
