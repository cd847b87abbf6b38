d = {1: 'x', 2: 'y', 3: 'z'}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
print(len(d))
d = {1: 'x', 2: 'y'}
it = iter(d.values())
print(next(it))
del d[2]
try:
    next(it)
except RuntimeError as e:
    print('1', e)
try:
    next(it)
except RuntimeError as e:
    print('2', e)
try:
    next(d.keys())
except TypeError as e:
    print(e)
try:
    hash(d.items())
except TypeError as e:
    print(e)
try:
    hash(d.keys())
except TypeError as e:
    print(e)
d[5] = 6
for k in d:
    d[k] = k * 2
print(d)
try:
    len(iter(d))
except TypeError as e:
    print(e)
