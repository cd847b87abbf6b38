total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    print('no break')
print(total)
for ch in 'héllo':
    print(ch, end=' ')
print()
d = {'a': 1, 'b': 2}
for k in d:
    print(k, d[k])
d['c'] = 3
del d['a']
print(d, len(d))
l = []
for i in range(5):
    l.append(i * i)
print(l, l[-1], l[2])
l[0] = 100
print(l)
x = 0
while True:
    x += 1
    if x == 5:
        break
print(x)
