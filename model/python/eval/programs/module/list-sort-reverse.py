import sys
a = 5000
b = -7000
c = 123456
def neg(v):
    print('key sees a list of', len(values), 'and the item with', sys.getrefcount(v))
    return -v
values = [a, b, c]
size = sys.getsizeof(values)
print(values.sort(), values, sys.getsizeof(values) == size)
values.sort(reverse=True)
print(values)
values.sort(key=neg)
print(values, sys.getrefcount(a), sys.getrefcount(c))
values.reverse()
print(values, sys.getsizeof(values) == size)
words = ['pear', 'fig', 'apple', 'fig']
first_fig = words[1]
words.sort(key=len, reverse=True)
print(words, words[2] is first_fig)
held = []
held_id = id(held)
del held
values.sort()
fresh = []
print(id(fresh) == held_id)
