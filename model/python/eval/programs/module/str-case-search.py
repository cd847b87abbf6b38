# str.capitalize/swapcase/title (case_operation: always a new str, '' the singleton), index/rindex/rfind,
# and the is* predicates on ASCII text.
s = 'hello world, it' + "'s 42"
print(s.capitalize(), s.swapcase(), s.title(), "they're bill's".title(), 'ABC def'.swapcase(), '1a2b'.title())
e = ''
big_a = 'A'
print(e.capitalize() is e, e.title() is e, e.swapcase() is e, 'a'.capitalize() is big_a, big_a.capitalize() is big_a)
t = 'Abc'
print(t.capitalize() is t, t.capitalize() == t, t.title() is t, t.swapcase().swapcase() == t)
print(s.index('o'), s.rindex('o'), s.rfind('o'), s.rfind('zz'), s.find('o'), s.index(''), s.rindex(''))
print('123'.isdigit(), ''.isdigit(), 'a1'.isalnum(), 'ab'.isalpha(), ' \t'.isspace(), ''.isspace(), 'AB1'.isupper(), '12'.isupper(), 'ab c'.islower(), 'Ab'.islower())
for probe in ('zz', 'x'):
    try:
        s.index(probe)
    except ValueError as ex:
        print('ValueError', ex)
try:
    s.rindex('zz')
except ValueError as ex:
    print('ValueError', ex)
