import sys
s = sys.intern('dynamic string!')
print(sys.getrefcount(s))
t = ''.join(['dynamic', ' string!'])
print(sys.intern(t) is s, sys.getrefcount(s))
del s
print(sys.intern(t) is t)
