# Builtin (static) types take no attributes: Objects/typeobject.c type_setattro; the wording
# names the attribute from 3.10. A class made by a class statement takes them.
for t in (int, str, list, tuple, dict, bytes, float, type, object, range, frozenset, bool, ValueError):
    try:
        t.extra = 1
    except TypeError as e:
        print(e)
class Mine:
    pass
Mine.extra = 2
print(Mine.extra)
int.real = 5
