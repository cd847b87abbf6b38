# __str__ written in Python (slot_tp_str), and the object __repr__/__str__ return being the very
# result of repr(), str(), format() and f-string fields.
K = "".join(["ab", "c"])
class P:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "P" + str(self.n)
class Q(P):
    def __repr__(self):
        return "Q!"
class R:
    def __str__(self):
        return 5
class A:
    def __repr__(self):
        return K
class S:
    def __str__(self):
        return K
p = P(1)
q = Q(2)
a = A()
print(p, q, str(p), str(q), repr(q), f"{p} {q!r} {q!s}", "{} {!r}".format(p, q))
s = str(p)
print(str(p) is s, s == "P1")
print(repr(a) is K, str(a) is K, f"{a}" is K, f"{a!r}" is K, "{}".format(a) is K, "{!r}".format(a) is K)
print(str(S()) is K, f"{S()}" is K, f"{S()!s}" is K, "{}".format(S()) is K)
def bad_str():
    return str(R())
def bad_print():
    print(R())
def bad_fstring():
    return f"{R()}"
for bad in (bad_str, bad_print, bad_fstring):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
