import sys
x = 1.5
print(sys.getsizeof(x), sys.getsizeof(1), sys.getsizeof(2**40), sys.getsizeof(0), sys.getsizeof('abc'), sys.getsizeof('é'), sys.getsizeof(b'ab'), sys.getsizeof((1, 2)), sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof({}), sys.getsizeof(None))
l = []
sizes = []
for i in range(10):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
print(sys.getsizeof(list(range(3))), sys.getsizeof(list((1, 2, 3))), sys.getsizeof([x, x, x]))
