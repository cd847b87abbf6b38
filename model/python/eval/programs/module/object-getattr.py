o = object()
print(getattr(o, 'x', None))
print(o.y)
