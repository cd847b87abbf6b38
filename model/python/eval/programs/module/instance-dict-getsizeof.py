import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(sys.getsizeof(p), p.__dict__, sys.getsizeof(p.__dict__))
q = P(3, 4)
print(sys.getsizeof(q.__dict__), sys.getsizeof(p.__dict__), p.__dict__ is p.__dict__)
