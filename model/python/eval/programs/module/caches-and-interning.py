a = 'hello'
b = 'hello'
print(a is b)
c = 'hello world'
d = 'hello world'
print(c is d)
def f():
    return 'hello world'
print(f() is c)
e = ''.join(['hel', 'lo'])
print(e is a, e == a)
print(chr(97) is 'a', chr(200) is chr(200), chr(300) is chr(300))
print(-5 is -5, 256 is 256)
x = 256
y = x + 0
print(x is y)
x = 257
y = x + 0
print(x is y)
print(() is (), tuple() is (), frozenset() is frozenset())
print(b'' is bytes(), bytes([7]) is bytes([7]))
