import sys
d = {'a': [1], 'b': [2], 'c': [3]}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it, {}.keys())
print(len(k), len(v), len(it), bool(k), bool({}.items()))
print(sys.getsizeof(k), sys.getsizeof(v), sys.getsizeof(it))
print(sys.getrefcount(d))
print('a' in k, 'z' in k, [2] in v, [5] in v, ('a', [1]) in it, ('a', 2) in it, 'a' in it)
print(list(k), list(v), list(it))
print(sorted(k, reverse=True), sorted(k))
print(sys.getsizeof(list(k)), sys.getsizeof(list(it)), sys.getsizeof(sorted(k)), sys.getsizeof(list(d)))
for key, value in d.items():
    print(key, value, sys.getrefcount(value))
for n in range(1, 12):
    e = {i: i for i in range(n)}
    print(n, sys.getsizeof(list(e)), sys.getsizeof(list(e.values())), sys.getsizeof(sorted(e.values())), sys.getsizeof(sorted(e)))
print([x for x in d.values()], {k2: v2 for k2, v2 in d.items()})
print(type(k).__name__, type(iter(it)).__name__, sys.getsizeof(iter(v)), sys.getsizeof(iter(d)))
print(type(v), type(iter(k)))
del k
print(sys.getrefcount(d))
del v, it
print(sys.getrefcount(d))
print(sum(d.keys().__len__() for _ in range(1)) if False else len(d))
print(max({3: 1, 7: 2, 5: 0}.values()), min({3: 1, 7: 2}), any({0: 1}.keys()), all({1: 0}.values()))
print(list(enumerate({5: 6}.items())), list(zip({1: 2}.keys(), {3: 4}.values())))
