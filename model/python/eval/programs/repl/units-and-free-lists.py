a = [1]
i = id(a)
del a
b = [2]
id(b) == i
import sys
z = 123456789
sys.getrefcount(z)
"hello world" is "hello world"
w = "hello world"
w is "hello world"
k = 257
k is 257
