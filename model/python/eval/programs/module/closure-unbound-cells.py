def free_before_assignment():
    def inner():
        return zqv_later
    try:
        inner()
    except NameError as e:
        print('NameError:', e)
    zqv_later = 1
    return inner()
print(free_before_assignment())
def cell_before_assignment():
    def inner():
        return zqv_x
    try:
        print(zqv_x)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    zqv_x = 2
    return inner()
print(cell_before_assignment())
def deleted_cell():
    zqv_x = 3
    def inner():
        return zqv_x
    del zqv_x
    try:
        inner()
    except NameError as e:
        print('NameError:', e)
deleted_cell()
def outer_global():
    def inner():
        global G
        G = 'set'
    inner()
outer_global()
print(G)
