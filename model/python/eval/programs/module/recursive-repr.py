t = ([],)
t[0].append(t)
print(t, [t], {'k': t})
l = []
l.append(l)
d = {}
d['d'] = d
d['l'] = l
print(l, d, (l, d), str(t), f'{t!r}')
u = ([], 1)
u[0].append(u)
u[0].append((u,))
print(u)
