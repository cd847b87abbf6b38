# id() values compared inside a list (list.count, list.index, in): by the address rules, so a freed
# list's id matches the next list made (the list free list gives its block back, LIFO).
a = [1]
i = id(a)
ids = [i, id(a)]
del a
b = [2]
print([id(b)].count(i), ids.count(id(b)), ids.index(id(b)))
c = [3]
print(ids.count(id(c)), [id(c), id(b)].index(id(b)))
