import { describe, expect, it } from 'vitest';
import { NO_POS, type Module } from '../ast';
import { runModel } from './run';

const TARGET = '3.12.1-x86_64';

describe('runModel', () => {
  it('runs a hand-built AST without parsing', () => {
    const module: Module = {
      kind: 'Module',
      body: [
        {
          kind: 'Expr',
          pos: NO_POS,
          value: {
            kind: 'Call',
            pos: NO_POS,
            func: { kind: 'Name', id: 'print', pos: NO_POS },
            args: [{ kind: 'Const', value: { type: 'int', value: 257n }, pos: NO_POS }],
            keywords: [],
          },
        },
      ],
    };
    expect(runModel(module, TARGET)).toEqual({ stdout: '257\n', stderr: '', exitCode: 0 });
  });

  it('reports an unknown target as input error (exit 2), not a stack trace', () => {
    const r = runModel('print(1)', 'model:9.9.9-x86_64');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown target/);
  });

  it('refuses to print an id() and names the place', () => {
    const r = runModel('x = []\nprint(id(x))\n', TARGET, { filename: 'f.py' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^unsupported: printing an id\(\) value at f\.py:2:1/);
  });

  it('does not call a deleted class and a new one distinct: the class may have been freed and its block reused', () => {
    // Real CPython 3.8-3.13 print True here (measured on the pyenv builds): `del C` frees the
    // class (`type_dealloc`) once gc clears its cycles, and the next class takes its block.
    const r = runModel('import gc\nclass C: pass\ni = id(C)\ndel C\ngc.collect()\nclass D: pass\nprint(id(D) == i)\n', TARGET, { filename: 'f.py' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^unsupported: comparing these id\(\) values at f\.py:7:1.*may have been freed/);
  });

  it.each([
    ['list ==', 'print([id(a)] == [id(b)])'],
    ['sorted', 'print(sorted([id(a), id(b)])[0] == id(a))'],
    ['max', 'print(max(id(a), id(b)) == id(a))'],
    ['a tuple key', 'print({(id(a),): 1}.get((id(b),)))'],
  ])('refuses id() values compared by value inside %s (the addresses of a freed object may be reused)', (_, line) => {
    // The model's addresses are not CPython's: only its address rules (`==`, dict and set lookups) may compare them.
    const r = runModel(`a = [1]\nb = [2]\n${line}\n`, TARGET, { filename: 'f.py' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^unsupported: comparing or hashing a value the model cannot know at f\.py:3:1/);
  });

  it('refuses gc.collect() counts, which depend on interpreter start-up', () => {
    const r = runModel('import gc\nprint(gc.collect())\n', TARGET);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/gc\.collect\(\) counts garbage/);
  });

  it('records JSON-serialisable heap snapshots after each statement', () => {
    const r = runModel('a = [1000]\nb = a\ndel a\n', TARGET, { trace: true });
    expect(r.exitCode).toBe(0);
    const trace = r.trace ?? [];
    expect(trace).toHaveLength(3);
    const json = JSON.parse(JSON.stringify(trace, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as typeof trace;
    const last = json[2];
    expect(Object.keys(last?.names ?? {})).toEqual(['b']);
    const list = last?.objects.find((o) => o.type === 'list');
    expect(list?.refcount).toBe(1);
    expect(list?.value).toBe('[1000]');
  });

  it('reports an uncaught exception with its last traceback line and exit code 1', () => {
    const r = runModel('print(1)\nprint(a)\n', TARGET);
    expect(r).toEqual({ stdout: '1\n', stderr: "NameError: name 'a' is not defined\n", exitCode: 1 });
  });

  it('refuses a loop that does not end, at the statement over the limit, keeping what was printed before', () => {
    const r = runModel("print('start')\ni = 0\nwhile True:\n    i += 1\n", TARGET, { filename: 'loop.py' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toMatch(/^unsupported: more than 200000 statements run \(a loop that may not end\) at loop\.py:4:5/);
  });

  it('names the place of a refusal met while folding constants, before any statement runs', () => {
    const r = runModel('print(1)\nif True:\n    x = 10 ** -2\n', TARGET, { filename: 'fold.py' });
    expect(r).toEqual({ stdout: '', stderr: 'unsupported: int ** negative int at fold.py:3:9 (the float result may round differently)\n', exitCode: 2 });
  });

  it('orders sets by subset and superset (set_richcompare), a partial order, also as items of tuples', () => {
    const source = [
      'a = {1, 2}',
      'b = frozenset({1, 2, 3})',
      'print(a < b, a <= b, a > b, a >= b, b > a, {1} < {2}, {1} > {2}, set() <= set(), set() < set())',
      'print(({1},) < ({1, 2},), ({1},) <= ({2},), max({1}, {1, 2}), min({1}, {2}))',
      'print({1} < [1])',
    ].join('\n');
    const r = runModel(source, TARGET);
    expect(r.stdout).toBe('True True False False True False False True False\nTrue False {1, 2} {1}\n');
    expect(r.stderr.trim().split('\n').pop()).toBe("TypeError: '<' not supported between instances of 'set' and 'list'");
  });

  it('words the TypeError of isinstance() of a non-class per version: 3.10 adds unions (object_isinstance)', () => {
    const last = (target: string): string | undefined => runModel("isinstance(1, 'x')", target).stderr.trim().split('\n').pop();
    expect(last('3.9.18-x86_64')).toBe('TypeError: isinstance() arg 2 must be a type or tuple of types');
    expect(last('3.10.13-x86_64')).toBe('TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union');
  });

  it("names a weak reference's type per version: 'weakref' before 3.10, 'weakref.ReferenceType' since (tp_name)", () => {
    const source = 'import weakref\nclass K:\n    pass\nk = K()\nweakref.ref(k) + 1\n';
    const last = (target: string): string | undefined => runModel(source, target).stderr.trim().split('\n').pop();
    expect(last('3.9.18-x86_64')).toBe("TypeError: unsupported operand type(s) for +: 'weakref' and 'int'");
    expect(last('3.10.13-x86_64')).toBe("TypeError: unsupported operand type(s) for +: 'weakref.ReferenceType' and 'int'");
  });

  it('refuses to set an attribute of a function or a WeakSet (they have a __dict__ the model does not keep)', () => {
    for (const source of ['def f():\n    pass\nf.x = 1\n', 'import weakref\nw = weakref.WeakSet()\nw.x = 1\n']) {
      const r = runModel(source, TARGET);
      expect(r.exitCode, source).toBe(2);
      expect(r.stderr).toMatch(/^unsupported: setting the attribute x of a (function|WeakSet)/);
    }
  });

  it('extends a list by itself once (list_extend reads the count first): l += l, l.extend(l)', () => {
    expect(runModel('l = [0, 1]\nl += l\nl.extend(l)\nprint(l)\n', TARGET).stdout).toBe('[0, 1, 0, 1, 0, 1, 0, 1]\n');
  });

  it('refuses containers nested deeper than CPython surely compares, prints or deep-copies them', () => {
    const nested = (name: string): string => `${name} = []\nfor i in range(300):\n    ${name} = [${name}]\n`;
    // deepcopy: 600 levels raise RecursionError on 3.8.18-3.13.0 (the model copied them).
    for (const tail of ['print(x == y)\n', 'print(x < y)\n', 'print(len(str(x)))\n', 'import copy\nprint(len(copy.deepcopy(x)))\n']) {
      const r = runModel(`${nested('x')}${nested('y')}${tail}`, TARGET);
      expect(r.exitCode, tail).toBe(2);
      expect(r.stderr).toMatch(/^unsupported: containers nested too deep/);
    }
    // Shallower nesting is compared and printed (CPython's limits are far above).
    expect(runModel(`${nested('x').replace('300', '50')}${nested('y').replace('300', '50')}print(x == y, len(str(x)))\n`, TARGET).stdout).toBe('True 102\n');
  });

  it("prints a tuple met again inside itself as (...) (tuplerepr's Py_ReprEnter)", () => {
    expect(runModel('t = ([],)\nt[0].append(t)\nprint(t)\n', TARGET).stdout).toBe('([(...)],)\n');
  });

  it("deep-copies through deepcopy's memo: an object met twice or inside itself is copied once (Lib/copy.py)", () => {
    const source = 'import copy\nl = []\nl.append(l)\nc = copy.deepcopy(l)\na = [1]\nd = copy.deepcopy([a, a])\nprint(c, c[0] is c, c is l, d[0] is d[1], d[0] is a)\n';
    expect(runModel(source, TARGET).stdout).toBe('[[...]] True False True False\n');
  });

  it('preallocates list() of a str or bytes as of any sized iterable (list_preallocate_exact): exact 3.8/3.9, even from 3.10', () => {
    const source = "import sys\nprint(sys.getsizeof(list('a')), sys.getsizeof(list(b'abc')))\n";
    expect(runModel(source, '3.9.18-x86_64').stdout).toBe('64 80\n');
    expect(runModel(source, '3.10.13-x86_64').stdout).toBe('72 88\n');
  });

  it('runs a long loop under the statement limit', () => {
    const r = runModel('i = 0\nwhile i < 60000:\n    i += 1\nprint(i)\n', TARGET);
    expect(r).toEqual({ stdout: '60000\n', stderr: '', exitCode: 0 });
  });
});
