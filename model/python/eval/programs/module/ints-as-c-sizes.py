# Subscripts, sequence repetition, list.pop, list.insert, str.center, str.replace and str.split
# take their int as a Py_ssize_t (pointer-wide: 2**31 does not fit on wasm32, 2**63 does not fit
# on x86_64); range subscripts take any int; chr() a C int before 3.13. The messages of each sequence's index errors.
def last_error(fn):
    try:
        return fn()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

def set_item(i):
    l = [1]
    l[i] = 2

def del_item(i):
    l = [1]
    del l[i]

key = 'k'
for big in (2**31, 2**63, -2**63 - 1, 10**400):
    print(last_error(lambda: [1][big]))
    print(last_error(lambda: (1,)[big]))
    print(last_error(lambda: 'ab'[big]))
    print(last_error(lambda: b'ab'[big]))
    print(last_error(lambda: range(3)[big]))
    print(last_error(lambda: set_item(big)))
    print(last_error(lambda: del_item(big)))
    print(last_error(lambda: len([] * big)))
    print(last_error(lambda: len(() * -big)))
    print(last_error(lambda: len('' * big)))
    print(last_error(lambda: len(b'' * big)))
print(last_error(lambda: [1][key]))
print(last_error(lambda: (1,)[key]))
print(last_error(lambda: 'ab'[key]))
print(last_error(lambda: b'ab'[key]))
print(last_error(lambda: range(3)[key]))
print(last_error(lambda: set_item(key)))
print(last_error(lambda: del_item(key)))
print(last_error(lambda: b'ab'[5]))
print(last_error(lambda: set_item(5)))
print(last_error(lambda: del_item(-5)))
print(last_error(lambda: 'ab'[2]), last_error(lambda: (1,)[1]), last_error(lambda: range(3)[3]))
for big in (2**31 - 1, 2**31, -2**31 - 1, 2**63, 10**400):
    print(last_error(lambda: [1].pop(big)), last_error(lambda: [1, 2].insert(big, 3)), last_error(lambda: chr(big)))
print(last_error(lambda: len(range(2**63))), last_error(lambda: len(range(2**31))), last_error(lambda: len(range(2**60 + 1))))
for big in (2**31, -2**63 - 1, 10**400):
    print(last_error(lambda: 'abc'.center(big, 'xy')), last_error(lambda: 'a-b'.replace('-', '+', big)), last_error(lambda: 'a b'.split(' ', big)))
