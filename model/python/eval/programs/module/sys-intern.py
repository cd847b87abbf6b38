import sys
s = sys.intern('hello world!')
t = 'hello world' + '!'
print(s is t)
u = sys.intern(t)
print(u is s, sys.getrefcount(s))
sys.intern(5)
