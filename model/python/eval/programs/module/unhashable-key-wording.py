# 3.14 names the key's type and its use in the TypeError of an unhashable dict key or set
# element; before 3.14 only the hash's own message. An empty dict's pop does not hash.
d = {1: 2}
s = {1}
e = {}
def show(label, fn):
    try:
        fn()
    except TypeError as err:
        print(label, err)

def store():
    d[[]] = 1

show('store', store)
show('literal', lambda: {[]: 1})
show('subscript', lambda: d[[]])
show('get', lambda: d.get([]))
show('get empty', lambda: e.get([]))
show('in dict', lambda: [] in d)
show('pop', lambda: d.pop([], None))
show('setdefault', lambda: d.setdefault([], 1))
show('dict key dict', lambda: {{}: 1})
show('tuple key', lambda: {([1],): 1})
show('dict comp', lambda: {x: 1 for x in [[]]})
show('set literal', lambda: {[]})
show('set()', lambda: set([[]]))
show('add', lambda: s.add([]))
show('in set', lambda: [] in s)
show('discard', lambda: s.discard([]))
show('remove', lambda: s.remove([]))
show('frozenset', lambda: frozenset([{}]))
show('set comp', lambda: {x for x in [[]]})
show('tuple element', lambda: {(1, [])})
print(e.pop([], 'empty dict pop does not hash'))
