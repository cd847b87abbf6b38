a = 5
b = 'x'
print(f'{a}', f'{a!r}', f'{b!r}', f'{a:03d}', f'{a:>4}|', f'{b:^5}|', f'{3.14159:.3f}', f'{-2:+d}', f'{0.5:%}', f'{255:#x}', f'{10:b}')
print(f'a={a} b={b}')
s = f'{b}'
print(s is b)
print(str(True), str(None), repr(1.0), repr(-1.5e-7), 2.0 ** 3, 10 / 4)
print(1 + 'a')
