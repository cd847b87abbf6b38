# A list's item array grows through PyMem_Realloc (pymalloc_realloc): a new block, the old one freed.
s = '1000000'
lst = [1, 2, 3, 4]
x = int(s)
i = id(x)
del x
lst.append(5)
y = int(s)
print('after a resize, the freed item array comes first:', id(y) == i)
lst2 = [1, 2, 3, 4, 5]
lst2.append(6)
z = int(s)
j = id(z)
del z
lst2.append(7)
w = int(s)
print('an append without a resize frees nothing:', id(w) == j)
