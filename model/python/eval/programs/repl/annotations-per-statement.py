import sys
total: int = 123456
'total' in __annotations__
sys.getrefcount(total)
pending: float
list(__annotations__)
__annotations__['pending'] is float
