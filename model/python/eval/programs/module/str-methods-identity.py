# str methods: results equal to the receiver are the receiver (unicode_result_unchanged),
# 1-character substrings come from the latin-1 cache, '' is the singleton, case changes are new.
import sys
a = chr(97)
empty = "".join([])
t = "".join(["ab", "c"])
q = "".join([" a", " "])
print("strip", t.strip() is t, t.lstrip("x") is t, t.rstrip() is t, q.strip() is a, repr(q.lstrip()), repr(q.rstrip()), t.strip("abc") is empty)
print("strip chars", repr("".join(["xxhixx"]).strip("x")), repr("".join(["\t a\n"]).strip()))
print("case", t.upper(), t.lower() is t, t.upper().lower() == t, a.upper() is a.upper(), a.lower() is a, "".join([]).upper() is empty)
print("replace", t.replace("z", "q") is t, t.replace("b", "B"), t.replace("b", "B", 0) is t, t.replace("abc", "") is empty, "".join(["b"]).replace("b", "a") is a)
print("replace count", "".join(["aaaa"]).replace("a", "b", 2), "".join(["abab"]).replace("ab", "-"))
w = t.split()
print("split", w, w[0] is t, t.split(",")[0] is t, "".join(["a b"]).split()[0] is a, "".join(["a,b"]).split(",")[1] is chr(98))
print("split more", "".join([" x  y "]).split(), "".join(["a,,b"]).split(","), "".join(["a b c"]).split(None, 1), "".join(["a-b-c"]).split("-", 1), "".join([]).split(), "".join([]).split(","))
print("split sizes", sys.getsizeof("".join(["a b"]).split()) - sys.getsizeof([]), sys.getsizeof("".join(["a,b,c"]).split(",")) - sys.getsizeof([]), sys.getsizeof("".join(["a,b"]).split(",", 5)) - sys.getsizeof([]), sys.getsizeof("".join([]).split(",")) - sys.getsizeof([]))
many = " ".join(["w"] * 14).split()
print("split many", len(many), sys.getsizeof(many) - sys.getsizeof([]), many[13] is chr(119))
print("affix", t.startswith("ab"), t.startswith(("x", "a")), t.endswith("c"), t.endswith(""), t.startswith("bc"))
print("find count", t.find("c"), t.find("zz"), t.find(""), "".join(["abab"]).count("ab"), t.count(""))
print("format", "{}".format(t) is t, "{0}".format(t) is t, "{}{}".format(t, "") is t, "{}{}".format("", t) is t, t.format() is t)
print("format more", "{} and {!r}".format(1, t), "{0}{1}{0}".format(t, 2.5), "{}".format(5) is chr(53), "{!r}".format(5) is chr(53), "{}".format(a) is a)
try:
    t.split("")
except ValueError as e:
    print("ValueError", e)
