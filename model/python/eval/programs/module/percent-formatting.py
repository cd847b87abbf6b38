import sys
s = 'hello world'
n = 5000
print('%s' % s is s, '%5s' % s is s, '%-8s' % s is s, '%.20s' % s is s, '%s!' % s is s, '%r' % s is s)
print('%s' % (s,) is s, '%20s|' % s, '%.4s' % s, '%s and %r' % (n, s))
print('%d|%5d|%-5d|%05d|%+d|% d' % (n, 42, 42, 42, 5, 3), '%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print('%f|%.2f|%8.3f|%.0f' % (2.5, 3.14159, 2.0, 2.5), '%d %d %i' % (True, 2.9, -2.9))
print('%s %s %s' % (None, [1, 'a'], (2,)), '%c%c' % (72, 'i'), '100%%' % (), 'plain' % [], 'x' % {})
before = sys.getrefcount(n)
text = '%d items' % n
print(text, sys.getrefcount(n) - before, sys.getrefcount(text))
single = '%s' % n
print(single, single == str(n), sys.getrefcount(single))
for bad in [('%s %s', ('a',)), ('%s', ('a', 'b')), ('no spec', 5), ('%x', 1.5)]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print('TypeError:', e)
