x = 10
y = 3
print(x / y, x // y, x % y, -x // y, x ** y, x << 2, x >> 1, x & y, x | y, x ^ y, ~x, -x, +x)
f = 2.5
print(f * 2, f / 2, f // 1, f % 1, -f, f + x, 1.0, 100.0, 1e100, 3.0e-10, 123456789.0 * 1000)
print(True + True, not x, x and y, 0 or y, None or 0)
print([1, 2] + [3], (1,) * 3, 'ab' * 2, [0] * 3, 3 * 'x')
print(1 < 2 < 3, 1 < 2 > 5, 'a' < 'b', [1, 2] < [1, 3], (1, 2) == (1, 2), 1 == 1.0, 1 != 2)
print(2 in [1, 2], 5 not in (1, 2), 'b' in 'abc', 3 in {1: 2, 3: 4}, 4 in range(0, 10, 2))
print(repr('it\'s'), repr("q\"q"), repr('a\nb\t\\'), repr(b'\xff\n'), str(12), str(-0.0))
