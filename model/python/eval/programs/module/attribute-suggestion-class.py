class Base:
    value = 1
class Sub(Base):
    pass
print(Sub.value)
print(Sub.valeu)
