# An f-string without fields is the constant CPython's compiler loads (f'hello' is 'hello', deduplicated
# with equal constants); sys.intern of a new one-character latin-1 str gives the cached one from 3.12.7.
import sys
p = f'hello world'
q = 'hello world'
def f():
    return f'a b'
def g():
    return 'a b'
empty = ''
print(p is q, f() is f(), f() is g(), f'' is empty, len(f'{{x}}'))
made = ''.join(['\xe9', ''])
cached = chr(233)
print(made is cached, sys.intern(made) is cached, sys.intern(made) is made)
other = ''.join(['\x05', ''])
print(sys.intern(other) is chr(5))
