import sys
l = [1, 2]
l.append(l)
print(l)
d = {}
d['self'] = d
print(d)
print(sys.getrefcount(l))
