k = 1000
a = k+1; i = id(a); del a; b = k+2; print('int', id(b) == i)
y = 1
a = (y,2); i = id(a); del a; b = (y,3); print('tuple2', id(b) == i)
a = (y,2); i = id(a); del a; b = (y,3,4); print('tuple2->3', id(b) == i)
class C: pass
a = C(); i = id(a); del a; b = C(); print('inst', id(b) == i)
s = 'abc'
a = s*3; i = id(a); del a; b = s*3; print('str', id(b) == i)
