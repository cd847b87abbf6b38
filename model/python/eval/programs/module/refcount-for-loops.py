import sys
data = [1000, 2000]
for item in data:
    print(sys.getrefcount(item))
print(sys.getrefcount(data))
for item in data:
    print(sys.getrefcount(data))
    break
print(sys.getrefcount(data))
t = (3000, [])
for x in t:
    pass
print(sys.getrefcount(t[1]))
