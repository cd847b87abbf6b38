x = 1000
x
import sys
sys.getrefcount(x)
y = 1000
x is y
[1, 2]
_
None
