# int(text, base) (Objects/longobject.c PyLong_FromString, long_new_impl): prefixes, underscores, errors.
print(int('ff', 16), int('0x_ff', 0), int('0_0', 0), int(' 0b1_0 ', 0), int(b'z', 36), int('-0o17', 8))
for text, base in [('07', 0), ('1__0', 10), ('_1', 10), ('0x', 16), ('12', 2), ('x' * 300, 10), ('+ 1', 10)]:
    try:
        int(text, base)
    except ValueError as e:
        print(e)
for args in [(5, 10), ('5', '10'), ('5', 37), ('5', 1)]:
    try:
        int(args[0], args[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
n = int('123456789' * 3)
print(n, int(str(n)) == n, int('0' * 50 + '7') is int('7'))
