s = 'hello'
print(s.ljust(3) is s, s.rjust(5) is s, s.center(2) is s, s.zfill(4) is s, s.ljust(-1) is s)
one = ' '
print(''.ljust(1) is one, repr('ab'.center(5, '*')), repr('ab'.center(6)), repr('abc'.center(6)), repr('abc'.center(4)), repr('ab'.center(5)))
print('-42'.zfill(6), '+7'.zfill(4), '42'.zfill(1), 'x'.zfill(3), '--1'.zfill(5), ''.zfill(2))
print(repr('hi'.ljust(5, '.')), repr('hi'.rjust(4, '0')))
try:
    'a'.ljust(3, 'xy')
except TypeError as e:
    print(e)
word = 'py' + 'thon'
print(word.rjust(6) is word, word.center(7) is word, word.zfill(6) is word, len(word.ljust(9)))
