x = 255
print(oct(x), bin(x), hex(-x), oct(-8), bin(0), bin(True), oct(2**70))
a = bin(5)
b = bin(5)
print(a is b, a == b)
try:
    oct(1.5)
except TypeError as e:
    print(e)
