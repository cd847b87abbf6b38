import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../spec';
import { claims } from '../../spec/claims';
import { buildClaims, overallVerdict } from './claims';
import { buildInvariantPage } from './invariant-page';
import { buildMatrix, runInfo } from './matrix';
import { mdxText } from './mdx';
import { buildPerformance } from './performance';
import { invariantResultsSchema, readAllResults, readResultsFile, type AllResults, type InvariantResults } from './results';
import { collectTargets } from './targets';

const catalogue = await loadCatalogue();
const entry = (id: string) => {
  const found = catalogue.find((item) => item.id === id);
  if (!found) throw new Error(`no spec entry ${id}`);
  return found;
};
const NONE: AllResults = { invariants: null, examples: null, claims: null, bench: null };

function invariantResults(results: InvariantResults['results']): InvariantResults {
  return { generatedAt: '2026-01-01T00:00:00.000Z', seed: 7, scale: 1, results };
}

describe('results files', () => {
  test('a missing file is null, so pages can say nothing was produced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'objspec-site-'));
    expect(readAllResults(dir)).toEqual(NONE);
  });

  test('a malformed file is an error naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'objspec-site-'));
    const file = join(dir, 'invariants.json');
    writeFileSync(file, JSON.stringify({ generatedAt: 'x', seed: 1, scale: 1, results: [{ invariant: 'a.b', layer: 'sideways' }] }));
    expect(() => readResultsFile(file, invariantResultsSchema)).toThrow(`${file}: field results.0.layer`);
    writeFileSync(file, '{not json');
    expect(() => readResultsFile(file, invariantResultsSchema)).toThrow(/not valid JSON/);
  });
});

describe('targets and the status matrix', () => {
  const results: AllResults = {
    ...NONE,
    invariants: invariantResults([
      { invariant: 'immortal.objects', layer: 'real', target: 'cpython:3.12.7', status: 'pass', runs: 200, seed: 1, durationMs: 5 },
      { invariant: 'immortal.objects', layer: 'agreement', target: 'model:3.12.7-wasm32~cpython:3.12.7', status: 'fail', runs: 0, seed: 1, durationMs: 5 },
      { invariant: 'immortal.objects', layer: 'model', target: 'model:3.12.7-wasm32', status: 'pass', runs: 1000, seed: 1, durationMs: 5 },
    ]),
    examples: {
      generatedAt: 'x',
      examples: [
        {
          invariant: 'int-cache.bounds',
          index: 0,
          title: 't',
          source: 'print(1)\n',
          runs: [
            { target: 'native:/usr/bin/python3.11', kind: 'real', version: '3.11.2', platform: 'x86_64', outcome: { stdout: '1\n', stderr: '', exitCode: 0 } },
            { target: 'cpython:3.11.3', kind: 'real', version: '3.11.3', platform: 'wasm32', outcome: { stdout: '1\n', stderr: '', exitCode: 0 } },
          ],
        },
      ],
    },
  };

  test('columns: embedded by version, then native, then model; versions from names or recorded runs', () => {
    const targets = collectTargets(results);
    expect(targets.map((t) => t.name)).toEqual(['cpython:3.11.3', 'cpython:3.12.7', 'native:/usr/bin/python3.11', 'model:3.12.7-wasm32']);
    expect(targets[2]).toMatchObject({ kind: 'native', version: '3.11.2', platform: 'x86_64' });
  });

  test('cells: the recorded status, n/a where the spec says it does not hold, not run otherwise', () => {
    const targets = collectTargets(results);
    const row = buildMatrix(catalogue, targets, results.invariants)
      .flatMap((family) => family.rows)
      .find((item) => item.id === 'immortal.objects');
    expect(row?.cells['cpython:3.12.7']).toEqual({ status: 'pass', runs: 200, agreement: 'fail', implementation: null });
    expect(row?.cells['model:3.12.7-wasm32']).toEqual({ status: 'pass', runs: 1000, agreement: null, implementation: null });
    // immortal.objects holds from 3.12: not applicable on 3.11, whatever the results say.
    expect(row?.cells['cpython:3.11.3']?.status).toBe('not-applicable');
    expect(row?.cells['native:/usr/bin/python3.11']?.status).toBe('not-applicable');
  });

  test('a PyPy column sits between the native CPythons and the model, with what the spec expects there and what the runs showed', () => {
    const pypyRecord = {
      invariant: 'int-cache.bounds',
      layer: 'real' as const,
      target: 'pypy:3.9.16',
      status: 'pass' as const,
      runs: 200,
      seed: 5,
      durationMs: 900,
      implementation: 'pypy' as const,
      expectation: 'differs' as const,
      observed: 'differs' as const,
      notApplicable: 0,
      evidence: { program: 'a0 = int("300")\nb0 = int("300")\nprint(a0 is b0)\n', outputs: { 'pypy:3.9.16': { stdout: 'True\n', stderr: '', exitCode: 0 } }, violation: 'expected False' },
    };
    const withPypy: AllResults = { ...results, invariants: { ...results.invariants!, results: [...results.invariants!.results, pypyRecord] } };
    const targets = collectTargets(withPypy);
    expect(targets.map((t) => t.name)).toEqual(['cpython:3.11.3', 'cpython:3.12.7', 'native:/usr/bin/python3.11', 'pypy:3.9.16', 'model:3.12.7-wasm32']);
    expect(targets[3]).toMatchObject({ kind: 'pypy', version: '3.9.16', label: 'PyPy 3.9.16' });
    const row = buildMatrix(catalogue, targets, withPypy.invariants)
      .flatMap((family) => family.rows)
      .find((item) => item.id === 'int-cache.bounds');
    expect(row?.cells['pypy:3.9.16']).toEqual({ status: 'pass', runs: 200, agreement: null, implementation: { expectation: 'differs', observed: 'differs' } });
    const page = buildInvariantPage(entry('int-cache.bounds'), withPypy, targets, null, process.cwd());
    expect(page.pypy.status).toBe('differs');
    expect(page.results.find((r) => r.target === 'pypy:3.9.16')?.implementation?.evidence?.outputs).toEqual([
      { target: 'pypy:3.9.16', outcome: { stdout: 'True\n', stderr: '', exitCode: 0, refused: false } },
    ]);
  });

  test('without property results every applicable cell is "not run" and there is no run info', () => {
    const targets = collectTargets({ ...results, invariants: null });
    const cells = buildMatrix(catalogue, targets, null).flatMap((family) => family.rows.flatMap((row) => Object.values(row.cells)));
    expect(cells.every((cell) => cell.status === 'not-run' || cell.status === 'not-applicable')).toBe(true);
    expect(runInfo(null)).toBeNull();
  });

  test('example outputs are shown only for the source they were produced from', () => {
    const targets = collectTargets(results);
    const page = buildInvariantPage(entry('int-cache.bounds'), results, targets, null, process.cwd());
    expect(page.examples[0]?.rows).toEqual([]); // the recorded source is not the entry's example
    const matching: AllResults = {
      ...results,
      examples: { generatedAt: 'x', examples: [{ ...results.examples!.examples[0]!, source: entry('int-cache.bounds').examples[0]!.source }] },
    };
    const rows = buildInvariantPage(entry('int-cache.bounds'), matching, targets, null, process.cwd()).examples[0]?.rows ?? [];
    expect(rows.map((row) => row.target.name)).toEqual(['cpython:3.11.3', 'native:/usr/bin/python3.11']);
    expect(rows.every((row) => row.model === null && row.agrees === null)).toBe(true);
  });
});

describe('claims', () => {
  const claim = claims.find((item) => item.id === 'getrefcount-plus-one');
  if (!claim) throw new Error('claim getrefcount-plus-one is gone');
  const run = (target: string, version: string, stdout: string, kind: 'real' | 'model' = 'real', exitCode = 0) => ({
    target,
    kind,
    version,
    platform: 'wasm32',
    outcome: { stdout, stderr: exitCode === 2 ? 'unsupported: x' : '', exitCode },
  });

  test('verdicts are computed from the outputs by the claim\'s predicate; refusals are not verdicts', () => {
    const results = {
      generatedAt: 'x',
      claims: [
        {
          id: claim.id,
          program: claim.program,
          runs: [
            run('cpython:3.13.2', '3.13.2', '2\n2\n'),
            run('cpython:3.14.2', '3.14.2', '2\n1\n'),
            run('model:3.14.2-wasm32', '3.14.2', '', 'model', 2),
          ],
        },
      ],
    };
    const targets = collectTargets({ ...NONE, claims: results });
    const view = buildClaims([claim], results, targets, new Set(catalogue.map((e) => e.id))).claims[0];
    expect(view?.runs.map((r) => [r.target.name, r.verdict])).toEqual([
      ['cpython:3.13.2', 'holds'],
      ['cpython:3.14.2', 'fails'],
      ['model:3.14.2-wasm32', 'refused'],
    ]);
    expect(view?.overall).toBe('depends');
  });

  test('overall verdicts', () => {
    expect(overallVerdict([])).toBe('not-run');
    expect(overallVerdict(['holds', 'holds'])).toBe('holds');
    expect(overallVerdict(['fails'])).toBe('fails');
    expect(overallVerdict(['holds', 'error'])).toBe('depends');
  });

  test('a claim naming an unknown invariant is an error naming the claim', () => {
    expect(() => buildClaims([{ ...claim, related: ['nope.nothing'] }], null, [], new Set())).toThrow(`claim ${claim.id}: field related: no spec entry nope.nothing`);
  });
});

describe('page text', () => {
  test('spec text cannot become MDX markup', () => {
    expect(mdxText('a {b} <c> *d*')).toBe('a \\{b\\} \\<c\\> \\*d\\*');
  });

  test('no bench file: the performance page says so', () => {
    expect(buildPerformance(null)).toEqual({ present: false, date: null, machine: null, commit: null, source: null, figures: [] });
  });

  test('the bench record says where it comes from', () => {
    const bench = { date: 'd', commit: 'abc1234', machine: { cpus: 2 }, reports: [{ name: 'model', figures: { speed: { value: 3, unit: 'x' } } }] };
    expect(buildPerformance({ bench, source: 'recorded' })).toMatchObject({ present: true, commit: 'abc1234', source: 'recorded', figures: [{ report: 'model', name: 'speed', value: 3, unit: 'x', note: null }] });
  });
});
