def check(n):
    if n > 2:
        raise ValueError(f'too big: {n}')
    return n
print(check(1))
print(check(5))
