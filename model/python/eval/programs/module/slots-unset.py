class S:
    __slots__ = ('a', 'b')
s = S()
s.a = 1
print(s.a)
print(s.b)
