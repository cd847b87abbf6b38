n = 5  # format() and f-string specs: the cached 1-char str, grouping
d = str(n)[0]
s = 'hello'
x = 2.5
print(f'{n:d}' is d, f'{n:>1}' is d, format(n, 'd') is d, format(n) is d, format(n, '') == '5')
print(format(s) is s, format(s, '>5') is s, format(s, '>6'), format(x), format(x, '.0f') is str(2)[0], format(x, '.2f'), format(True), format(None))
print(format(1234567, ','), format(255, 'x'), format(255, '#x'), format(0.5, '%'), format(3, '03d'))
try:
    format(n, 5)
except TypeError as e:
    print('TypeError', e)
for v in (0, 5, -5, 1234, -1234, 1234567, 10**20, 255, 65535):
    print([format(v, s) for s in (',', '_', '08,', '09,', '010_', ',d', '_x', '_b', '#_x', '010_x', '0=10,', '>10,', '0>10,', '+,', ' ,', '^12,', ',.2f', '012,.1f', '_%')])
for v in (0.0, 1234.5, -1234.5, 1e16, 12345.678, 1.5e300, float('inf')):
    print([format(v, s) for s in (',', ',.2f', '015,.2f', '_.3f', ',%')])
for s in (',x', ',b', ',_', '_,', ',o', ',X'):
    try:
        format(5, s)
    except ValueError as e:
        print('ValueError', e)
for s in (',', '_'):
    try:
        format('a', s)
    except ValueError as e:
        print('ValueError', e)
