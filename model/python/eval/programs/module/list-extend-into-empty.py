import sys
class Box:
    pass
a = Box()
fresh = []
fresh.extend([a, a, a])
print(sys.getsizeof(fresh))
made = list()
made.extend((a,))
print(sys.getsizeof(made))
copied = [].copy()
copied.extend([a, a])
print(sys.getsizeof(copied))
removed = [a]
removed.remove(a)
print(sys.getsizeof(removed))
removed.extend([a, a, a, a, a])
print(sys.getsizeof(removed), sys.getrefcount(a))
grown = []
grown.append(a)
grown.extend([a, a])
print(sys.getsizeof(grown))
grown.extend([])
print(sys.getsizeof(grown), len(grown))
