import { afterAll, describe, expect, test } from 'vitest';
import { closeAll, discoverNativeInterpreters, runPrograms } from '../../oracle';
import { compareVersions } from '../../spec';
import { parseModule } from '../../model/python/parse';
import { CPYTHON_ONLY_APIS, cpythonOnlyApiIn, cpythonOnlyApiInSource } from './cpython-only';

afterAll(closeAll);
const natives = await discoverNativeInterpreters();
const pypys = natives.filter((native) => native.implementation === 'pypy');
const cpythons = natives.filter((native) => native.implementation === 'cpython');
const probe = CPYTHON_ONLY_APIS.map((api) => `import ${api.module}\nprint(${api.works ?? `hasattr(${api.module}, '${api.name}')`})\n`);

describe('the CPython-only API list is measured', () => {
  if (pypys.length === 0) test.skip('no PyPy found (pypy3 on PATH, OBJSPEC_PYTHONS): absence of CPython-only APIs on PyPy not checked', () => undefined);
  for (const pypy of pypys) {
    test(`every listed API is missing on pypy:${pypy.version}`, async () => {
      const results = await runPrograms(`pypy:${pypy.version}`, probe);
      expect(results.map((r) => r.stdout)).toEqual(probe.map(() => 'False\n'));
    });
  }
  for (const cpython of cpythons) {
    test(`every listed API exists on CPython ${cpython.version} from its first version on`, async () => {
      const results = await runPrograms(`native:${cpython.command}`, probe);
      expect(results.map((r) => r.stdout)).toEqual(CPYTHON_ONLY_APIS.map((api) => `${api.since === undefined || compareVersions(cpython.version, api.since) >= 0 ? 'True' : 'False'}\n`));
    });
  }
});

describe('cpythonOnlyApiIn', () => {
  test('finds a use at any depth, and only through the module name', () => {
    const nested = parseModule('import sys\ndef f(x):\n    return [sys.getrefcount(x)]\nprint(f(1))\n');
    expect(cpythonOnlyApiIn(nested)).toBe('sys.getrefcount');
    expect(cpythonOnlyApiIn(parseModule('import gc\ngc.collect()\nprint(gc.get_count)\n'))).toBe('gc.get_count');
    expect(cpythonOnlyApiIn(parseModule("import sys\nprint(sys.intern('a'), 'sys.getrefcount')\n"))).toBeNull();
  });

  test('in source text the model cannot parse, comments left out', () => {
    expect(cpythonOnlyApiInSource('import sys\nxs = [sys.getrefcount(x) for x in range(3)]\n')).toBe('sys.getrefcount');
    expect(cpythonOnlyApiInSource('import sys\n# sys.getrefcount is CPython-only\nprint(sys.intern("a"))\n')).toBeNull();
  });
});
