def f(a: int, b: "str" = 'x') -> list:
    y: int = 5
    z: dict
    return [a, b, y]
print(f(1))
def g(a: undefined_name_here):
    return a
print('defined g')
