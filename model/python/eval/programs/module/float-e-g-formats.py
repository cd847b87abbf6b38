# 'e', 'g' and no-type-with-precision formats: PyOS_double_to_string's digits (Python/pystrtod.c).
print('%.0e %.1e %.2e' % (2.5, 0.125, 9.995))
print(format(9.5, '.0e'), format(10.5, '.1e'), format(0.0, 'e'), format(-0.0, 'g'))
print(format(123.0, '.3'), format(1e16, '.3'), format(100.0, '.3'), format(0.0001, '.2'))
print(format(1234567.0, 'g'), format(0.00001234, 'G'), format(1e-5, '#g'), format(5.0, '#.0e'))
print(f'{2**60:,.3e}', f'{7:g}', f'{-12:+010.2e}', format(float('inf'), 'E'))
print('%g|%G|%#g|%10.3e|%-12.4g|' % (1e100, 1.5e-7, 2.0, 3.14159, 0.000123456))
try:
    format(10**400, 'e')
except OverflowError as e:
    print('OverflowError', e)
x = 1e300
s = format(x, '.3g')
print(s, s is format(x, '.3g'))
