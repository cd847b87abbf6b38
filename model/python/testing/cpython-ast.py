"""Reads a JSON list of Python sources on stdin; prints, for each, CPython's verdict:
{"ok": module} in objspec's AST shape (model/python/ast.ts), or {"error": [kind, msg, line, col]}.
Floats are compared by their IEEE bits. Positions (1-based, in characters) are included when
argv[1] == "positions". Used by the parser and printer tests; works on CPython 3.8-3.14."""
import ast, json, struct, sys

POSITIONS = len(sys.argv) > 1 and sys.argv[1] == 'positions'
BINOPS = {'Add': '+', 'Sub': '-', 'Mult': '*', 'Div': '/', 'FloorDiv': '//', 'Mod': '%', 'Pow': '**',
          'LShift': '<<', 'RShift': '>>', 'BitAnd': '&', 'BitOr': '|', 'BitXor': '^', 'MatMult': '@'}
UNOPS = {'Not': 'not', 'USub': '-', 'UAdd': '+', 'Invert': '~'}
CMPOPS = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=', 'Is': 'is',
          'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}


class Converter:
    def __init__(self, source):
        self.lines = source.split('\n')

    def pos(self, node, out):
        if POSITIONS:
            line = self.lines[node.lineno - 1].encode('utf-8')
            col = len(line[:node.col_offset].decode('utf-8', errors='replace'))
            out['pos'] = [node.lineno, col + 1]
        return out

    def const(self, v):
        if v is None: return {'type': 'None'}
        if v is Ellipsis: return {'type': 'Ellipsis'}
        if isinstance(v, bool): return {'type': 'bool', 'value': v}
        if isinstance(v, int): return {'type': 'int', 'value': str(v)}
        if isinstance(v, float): return {'type': 'float', 'value': struct.pack('<d', v).hex()}
        if isinstance(v, complex): return {'type': 'complex', 'imag': struct.pack('<d', v.imag).hex()}
        if isinstance(v, str): return {'type': 'str', 'value': v}
        if isinstance(v, bytes): return {'type': 'bytes', 'value': list(v)}
        raise TypeError(type(v))

    def parts(self, values):
        out = []
        for v in values:
            if isinstance(v, ast.Constant):
                if v.value == '': continue  # 3.12.1 leaves an empty Constant after a nested spec field
                if out and isinstance(out[-1], str): out[-1] += v.value
                else: out.append(v.value)
            else:
                out.append({'expr': self.expr(v.value),
                            'conversion': None if v.conversion == -1 else chr(v.conversion),
                            'formatSpec': None if v.format_spec is None else self.parts(v.format_spec.values)})
        return out

    def exprs(self, xs):
        return [self.expr(x) for x in xs]

    def expr(self, e):
        if e is None: return {'kind': 'UNSUPPORTED dict unpacking'}
        t = type(e).__name__
        if t == 'Index': return self.expr(e.value)  # 3.8
        if t == 'ExtSlice': return {'kind': 'Tuple', 'elts': self.exprs(e.dims)}  # 3.8
        if t == 'Constant': o = {'kind': 'Const', 'value': self.const(e.value)}
        elif t == 'Name': o = {'kind': 'Name', 'id': e.id}
        elif t in ('Tuple', 'List', 'Set'): o = {'kind': t, 'elts': self.exprs(e.elts)}
        elif t == 'Dict': o = {'kind': 'Dict', 'keys': self.exprs(e.keys), 'values': self.exprs(e.values)}
        elif t == 'BinOp': o = {'kind': 'BinOp', 'op': BINOPS[type(e.op).__name__], 'left': self.expr(e.left), 'right': self.expr(e.right)}
        elif t == 'UnaryOp': o = {'kind': 'UnaryOp', 'op': UNOPS[type(e.op).__name__], 'operand': self.expr(e.operand)}
        elif t == 'BoolOp': o = {'kind': 'BoolOp', 'op': 'and' if isinstance(e.op, ast.And) else 'or', 'values': self.exprs(e.values)}
        elif t == 'Compare': o = {'kind': 'Compare', 'left': self.expr(e.left), 'ops': [CMPOPS[type(x).__name__] for x in e.ops], 'comparators': self.exprs(e.comparators)}
        elif t == 'Call': o = {'kind': 'Call', 'func': self.expr(e.func), 'args': self.exprs(e.args),
                               'keywords': [self.pos(k, {'name': '**' if k.arg is None else k.arg, 'value': self.expr(k.value)}) for k in e.keywords]}
        elif t == 'Starred': o = {'kind': 'Starred', 'value': self.expr(e.value)}
        elif t == 'Attribute': o = {'kind': 'Attribute', 'value': self.expr(e.value), 'attr': e.attr}
        elif t == 'Subscript': o = {'kind': 'Subscript', 'value': self.expr(e.value), 'index': self.expr(e.slice)}
        elif t == 'Slice':
            o = {'kind': 'Slice', 'lower': e.lower and self.expr(e.lower), 'upper': e.upper and self.expr(e.upper), 'step': e.step and self.expr(e.step)}
            if not hasattr(e, 'lineno'): return o  # 3.8: no positions on slices
        elif t == 'IfExp': o = {'kind': 'IfExp', 'test': self.expr(e.test), 'body': self.expr(e.body), 'orelse': self.expr(e.orelse)}
        elif t == 'JoinedStr' and all(isinstance(v, ast.Constant) for v in e.values):
            # No replacement field: compiler_joined_str loads the one constant (model: a Const str).
            o = {'kind': 'Const', 'value': {'type': 'str', 'value': ''.join(v.value for v in e.values)}}
        elif t == 'JoinedStr': o = {'kind': 'FString', 'parts': self.parts(e.values)}
        elif t in ('ListComp', 'SetComp', 'GeneratorExp'): o = {'kind': t, 'elt': self.expr(e.elt), 'generators': self.generators(e.generators)}
        elif t == 'Lambda':
            o = {'kind': 'Lambda', 'params': self.params(e.args, False), 'body': self.expr(e.body)}
        elif t == 'DictComp': o = {'kind': 'DictComp', 'key': self.expr(e.key), 'value': self.expr(e.value), 'generators': self.generators(e.generators)}
        else: o = {'kind': 'UNSUPPORTED ' + t}
        return self.pos(e, o)

    def params(self, a, annotated):
        # co_varnames order: positional-only, positional, keyword-only, *args, **kwargs (as the model's AST).
        positional = [(p, 'posonly') for p in a.posonlyargs] + [(p, None) for p in a.args]
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        items = [(p, k, d) for (p, k), d in zip(positional, defaults)]
        items += [(p, 'kwonly', d) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
        items += [(a.vararg, 'vararg', None)] if a.vararg else []
        items += [(a.kwarg, 'kwarg', None)] if a.kwarg else []
        out = []
        for p, k, d in items:
            o = {'name': p.arg, 'default': d and self.expr(d)}
            if annotated: o['annotation'] = p.annotation and self.expr(p.annotation)
            if k: o['kind'] = k
            out.append(self.pos(p, o))
        return out

    def generators(self, gs):
        # A comprehension clause has no position of its own in CPython's AST: only its parts do.
        return [{'target': self.expr(g.target), 'iter': self.expr(g.iter), 'ifs': self.exprs(g.ifs)} for g in gs]

    def body(self, stmts):
        return [self.stmt(s) for s in stmts]

    def stmt(self, s):
        t = type(s).__name__
        if t == 'Expr' and type(s.value).__name__ in ('Yield', 'YieldFrom'):
            # The model has `yield` as a statement only.
            o = {'kind': 'Yield', 'value': s.value.value and self.expr(s.value.value), 'from': type(s.value).__name__ == 'YieldFrom'}
        elif t == 'Expr': o = {'kind': 'Expr', 'value': self.expr(s.value)}
        elif t == 'Assign': o = {'kind': 'Assign', 'targets': self.exprs(s.targets), 'value': self.expr(s.value)}
        elif t == 'AugAssign': o = {'kind': 'AugAssign', 'target': self.expr(s.target), 'op': BINOPS[type(s.op).__name__], 'value': self.expr(s.value)}
        elif t == 'Delete': o = {'kind': 'Delete', 'targets': self.exprs(s.targets)}
        elif t in ('If', 'While'): o = {'kind': t, 'test': self.expr(s.test), 'body': self.body(s.body), 'orelse': self.body(s.orelse)}
        elif t == 'For': o = {'kind': 'For', 'target': self.expr(s.target), 'iter': self.expr(s.iter), 'body': self.body(s.body), 'orelse': self.body(s.orelse)}
        elif t in ('Break', 'Continue', 'Pass'): o = {'kind': t}
        elif t == 'FunctionDef':
            o = {'kind': 'FunctionDef', 'name': s.name,
                 'params': self.params(s.args, True),
                 'body': self.body(s.body), 'decorators': self.exprs(s.decorator_list), 'returns': s.returns and self.expr(s.returns)}
        elif t == 'Return': o = {'kind': 'Return', 'value': s.value and self.expr(s.value)}
        elif t in ('Global', 'Nonlocal'): o = {'kind': t, 'names': list(s.names)}
        elif t == 'ClassDef': o = {'kind': 'ClassDef', 'name': s.name, 'bases': self.exprs(s.bases), 'body': self.body(s.body), 'decorators': self.exprs(s.decorator_list)}
        elif t == 'Import': o = {'kind': 'Import', 'names': [{'name': a.name, 'asname': a.asname} for a in s.names]}
        elif t == 'ImportFrom': o = {'kind': 'ImportFrom', 'module': s.module, 'names': [{'name': a.name, 'asname': a.asname} for a in s.names]}
        elif t == 'AnnAssign': o = {'kind': 'AnnAssign', 'target': self.expr(s.target), 'annotation': self.expr(s.annotation), 'value': s.value and self.expr(s.value), 'simple': bool(s.simple)}
        elif t == 'Assert': o = {'kind': 'Assert', 'test': self.expr(s.test), 'msg': s.msg and self.expr(s.msg)}
        elif t == 'Try': o = {'kind': 'Try', 'body': self.body(s.body), 'orelse': self.body(s.orelse), 'finalbody': self.body(s.finalbody),
                              'handlers': [self.pos(h, {'type': h.type and self.expr(h.type), 'name': h.name, 'body': self.body(h.body)}) for h in s.handlers]}
        elif t == 'With': o = {'kind': 'With', 'items': [{'context': self.expr(i.context_expr), 'target': i.optional_vars and self.expr(i.optional_vars)} for i in s.items], 'body': self.body(s.body)}
        elif t == 'Raise': o = {'kind': 'Raise', 'exc': s.exc and self.expr(s.exc), 'cause': s.cause and self.expr(s.cause)}
        else: o = {'kind': 'UNSUPPORTED ' + t}
        return self.pos(s, o)


def verdict(source):
    try:
        compile(source, '<string>', 'exec', dont_inherit=True)
    except SyntaxError as e:
        return {'error': [type(e).__name__, e.msg, e.lineno, e.offset]}
    except ValueError as e:  # null bytes before 3.12
        return {'error': ['ValueError', str(e), 0, 0]}
    tree = ast.parse(source)
    return {'ok': {'kind': 'Module', 'body': Converter(source).body(tree.body)}}


import warnings
warnings.simplefilter('ignore')
print(json.dumps([verdict(s) for s in json.load(sys.stdin)]))
