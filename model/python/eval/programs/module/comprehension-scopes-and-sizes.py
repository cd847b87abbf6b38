import sys
x = 'outer'
squares = [x * x for x in range(6)]
print(x, squares, sys.getsizeof(squares), sys.getsizeof(list(range(6))))
evens = {n % 3 for n in range(10) if n % 2 == 0}
print(len(evens), sys.getsizeof(evens))
pairs = {k: v for k, v in [('a', 1), ('b', 2)] if v > 0}
print(pairs)
nested = [[j for j in range(i)] for i in range(4) if i]
print(nested, [n for row in nested for n in row if n])
def f(items):
    total = [item + 1 for item in items]
    return total, sys.getsizeof(total)
print(f([1, 2, 3]))
