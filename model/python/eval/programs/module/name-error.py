print(a)
