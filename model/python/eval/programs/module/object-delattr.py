o = object()
print(hasattr(o, 'x'))
del o.x
