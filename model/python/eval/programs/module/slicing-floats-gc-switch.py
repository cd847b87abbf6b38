s = 'hello world'
b = b'bytes!'
t = (1, 2, 3)
l = [1, 2, 3]
print(s[:] is s, s[0:5], s[6:], s[::-1], s[1:2] is 'e', s[3:3] is '', s[-3:])
print(b[:] is b, b[1:3], b[0:1] is b'b', b[::2], t[:] is t, t[1:], t[5:] is (), l[:] is l, l[:], l[::-1], l[-2:])
print(bytes([65]) is b'A', bytes((65,)) is b'A', float('1.5'), float(' -2e3 '), float('inf'))
import gc
class C:
    k = 1
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), hasattr(C(), 'zz'), hasattr(C(), 'k'), Ellipsis, NotImplemented)
