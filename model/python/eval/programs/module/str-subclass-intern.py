import sys
class Text(str):
    pass
t = Text('ab')
print(t is Text('ab'), type(t) is Text, isinstance(t, str), isinstance(t, Text))
print(hasattr(t, '__dict__'), sys.intern('a' + 'b') is sys.intern('ab'))
sys.intern(t)
