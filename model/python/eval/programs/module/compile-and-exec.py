import sys
a = 123456789
exec('b = 123456789')
print(a is b, a == b, sys.getrefcount(b))
c = compile('d = 987654321\ne = 987654321', '<string>', 'exec')
exec(c)
print(d is e, sys.getrefcount(d))
exec(c)
print(sys.getrefcount(d))
del c
print(sys.getrefcount(d))
exec('s = "hello world"')
print(s is 'hello world')
exec('t = "hello"')
print(t is 'hello')
