import sys
print(sys.getrefcount(None) > 1, sys.getrefcount(1) > 1)
print(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(()), sys.getrefcount(''), sys.getrefcount(7))
