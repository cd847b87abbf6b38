import sys
from typing import List
total: int = 123456
names: List[str] = ['a', 'b']
pending: float
print(__annotations__['total'], __annotations__['pending'], len(__annotations__))
print(sys.getrefcount(total), 'pending' in __annotations__, __annotations__['total'] is int)
if total:
    late: list = []
print(list(__annotations__), len(__annotations__))
key = 'total'
print(list(__annotations__)[0] is key)
spare = {}
spare_id = id(spare)
del spare
fresh = {}
print(id(fresh) == spare_id)
def scale(value: int) -> int:
    local: int = value * 2
    return local
print(scale(4), len(__annotations__))
