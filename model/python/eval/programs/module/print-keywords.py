print(1, flush=True)
print(2, end="!\n", flush=0)
print("a", "b", sep="-", flush=None)
