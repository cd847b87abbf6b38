x = [1, 2]
raise RuntimeError('no', 2) from None
