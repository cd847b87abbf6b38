empty = tuple(c for c in '')
print(empty is (), len(empty))
