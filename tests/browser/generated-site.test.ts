/**
 * The generated content of the built site, checked in Chromium against its sources: the catalogue
 * (spec/) and the results files (results/). Expected values are read from those files here, not
 * from the generated JSON, so a generator that drops or invents something fails.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCatalogue, type SpecEntry } from '../../spec';
import { claims, judgeClaim } from '../../spec/claims';
import { collectConsoleErrors, launchChromium, type Browser } from './chromium';
import { serveBuiltSite, type ServedSite } from './static-server';

const OUTPUT_DIR = 'test-output/browser';
/** The invariant whose page is inspected and photographed (the one the guide walks through). */
const SHOWN_INVARIANT = 'int-cache.bounds';

interface Run {
  readonly target: string;
  readonly kind: 'real' | 'model';
  readonly outcome: { readonly stdout: string; readonly exitCode: number };
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const invariants = readJson<{ results: { layer: string; target: string }[] }>('results/invariants.json');
const examples = readJson<{ examples: { invariant: string; index: number; source: string; runs: Run[] }[] }>('results/examples.json');
const claimResults = readJson<{ claims: { id: string; program: string; runs: Run[] }[] }>('results/claims.json');

/** Every target the results name: layer targets, both sides of agreements, and every program run's target. */
function targetsInResults(): Set<string> {
  const names = new Set<string>();
  for (const record of invariants?.results ?? []) {
    for (const name of record.layer === 'agreement' ? record.target.split('~') : [record.target]) names.add(name);
  }
  for (const example of examples?.examples ?? []) for (const run of example.runs) names.add(run.target);
  for (const claim of claimResults?.claims ?? []) for (const run of claim.runs) names.add(run.target);
  return names;
}

function pagePath(id: string): string {
  const [family, ...rest] = id.split('.');
  return `/docs/spec/${family}/${rest.join('.')}`;
}

describe('the generated site in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let page: Page;
  let catalogue: SpecEntry[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    catalogue = await loadCatalogue();
    site = await serveBuiltSite();
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    collectConsoleErrors(page, consoleErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the status matrix has one row per invariant and one column per target in the results', async () => {
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    const matrix = page.locator('[data-testid="status-matrix"]');
    const rows = await matrix.locator('tbody tr[data-invariant]').evaluateAll((els) => els.map((el) => el.getAttribute('data-invariant')));
    expect(rows.sort()).toEqual(catalogue.map((entry) => entry.id).sort());
    const columns = await matrix.locator('thead th[data-target]').evaluateAll((els) => els.map((el) => el.getAttribute('data-target')));
    expect(new Set(columns)).toEqual(targetsInResults());
    expect(columns.length).toBe(targetsInResults().size);
    // Every cell has a status; a cell where the spec says the invariant does not hold is never pass or fail.
    const cells = await matrix.locator('tbody td[data-status]').count();
    expect(cells).toBe(catalogue.length * columns.length);
    await page.screenshot({ path: `${OUTPUT_DIR}/home-status.png`, fullPage: true });
  });

  test(`the ${SHOWN_INVARIANT} page shows every embedded version's example outputs`, async () => {
    const entry = catalogue.find((item) => item.id === SHOWN_INVARIANT);
    expect(entry, `${SHOWN_INVARIANT} is in the catalogue`).toBeDefined();
    await page.goto(`${site.url}${pagePath(SHOWN_INVARIANT)}`, { waitUntil: 'networkidle' });
    await expect(page.locator('article h1').textContent()).resolves.toBe(SHOWN_INVARIANT);
    const badge = await page.locator('article [data-guarantee]').getAttribute('data-guarantee');
    expect(badge).toBe(entry?.guarantee);
    const sections = page.locator('[data-testid="example"]');
    expect(await sections.count()).toBe(entry?.examples.length);
    const recorded = (examples?.examples ?? []).filter((item) => item.invariant === SHOWN_INVARIANT);
    expect(recorded.length, 'results/examples.json has this invariant\'s examples (run properties/examples.test.ts)').toBe(entry?.examples.length);
    for (const example of recorded) {
      const section = sections.nth(example.index);
      const embedded = example.runs.filter((run) => run.kind === 'real' && run.target.startsWith('cpython:'));
      expect(embedded.length).toBeGreaterThan(0);
      for (const run of embedded) {
        const realCell = section.locator(`tr[data-target="${run.target}"] td`).nth(1);
        const shown = (await realCell.locator('pre').first().textContent()) ?? '';
        expect(shown, `${run.target} output of example ${example.index}`).toBe(run.outcome.stdout === '' ? '(no output)' : run.outcome.stdout.replace(/\n$/, ''));
      }
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/invariant-${SHOWN_INVARIANT}.png`, fullPage: true });
  });

  const pypyRuns = (examples?.examples ?? []).filter((item) => item.invariant === SHOWN_INVARIANT).flatMap((example) => example.runs.filter((run) => run.target.startsWith('pypy:')).map((run) => ({ example, run })));
  if (pypyRuns.length === 0) test.skip(`no PyPy runs in results/examples.json (no PyPy was found): the ${SHOWN_INVARIANT} page's PyPy outputs not checked`, () => undefined);
  else {
    test(`the ${SHOWN_INVARIANT} page shows the PyPy output of each example beside CPython's, and what the spec expects of PyPy`, async () => {
      const entry = catalogue.find((item) => item.id === SHOWN_INVARIANT);
      await page.goto(`${site.url}${pagePath(SHOWN_INVARIANT)}`, { waitUntil: 'networkidle' });
      const sections = page.locator('[data-testid="example"]');
      for (const { example, run } of pypyRuns) {
        const row = sections.nth(example.index).locator(`tr[data-target="${run.target}"]`);
        await expect(row.getAttribute('data-kind')).resolves.toBe('pypy');
        const shown = (await row.locator('td').nth(1).locator('pre').first().textContent()) ?? '';
        expect(shown, `${run.target} output of example ${example.index}`).toBe(run.outcome.stdout === '' ? '(no output)' : run.outcome.stdout.replace(/\n$/, ''));
        // Beside CPython's: an embedded CPython's row is in the same table.
        expect(await sections.nth(example.index).locator('tr[data-kind="embedded"]').count()).toBeGreaterThan(0);
      }
      const expected = entry?.implementations?.pypy?.status ?? (entry?.guarantee === 'language' ? 'holds' : 'unmeasured');
      await expect(page.locator('[data-testid="on-pypy"]').getAttribute('data-pypy-expectation')).resolves.toBe(expected);
      await page.locator('[data-testid="on-pypy"]').screenshot({ path: `${OUTPUT_DIR}/invariant-${SHOWN_INVARIANT}-pypy.png` });
    });
  }

  test('every invariant page exists and shows its guarantee level', async () => {
    for (const entry of catalogue) {
      const response = await page.goto(`${site.url}${pagePath(entry.id)}`, { waitUntil: 'domcontentloaded' });
      expect(response?.status(), entry.id).toBe(200);
      expect(await page.locator('article [data-guarantee]').getAttribute('data-guarantee'), entry.id).toBe(entry.guarantee);
    }
  });

  test('search finds an invariant by its id', async () => {
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    await page.locator('input.navbar__search-input').fill(SHOWN_INVARIANT);
    const option = page.locator('[role="option"]', { hasText: SHOWN_INVARIANT }).first();
    await option.waitFor({ state: 'visible', timeout: 15_000 });
    await option.click();
    await page.waitForURL((url) => url.pathname.startsWith(pagePath(SHOWN_INVARIANT)), { timeout: 15_000 });
    await expect(page.locator('article h1').textContent()).resolves.toBe(SHOWN_INVARIANT);
  });

  test('the claims page shows each claim with the verdict its predicate gives on the recorded outputs', async () => {
    await page.goto(`${site.url}/docs/spec/claims`, { waitUntil: 'networkidle' });
    expect(await page.locator('section[data-claim]').count()).toBe(claims.length);
    for (const claim of claims) {
      const recorded = claimResults?.claims.find((item) => item.id === claim.id && item.program === claim.program);
      const rows = page.locator(`section[data-claim="${claim.id}"] tr[data-target]`);
      const realRuns = (recorded?.runs ?? []).filter((run) => run.kind === 'real');
      expect(await rows.count(), claim.id).toBe(realRuns.length);
      for (const run of realRuns) {
        const verdict = await page.locator(`section[data-claim="${claim.id}"] tr[data-target="${run.target}"]`).getAttribute('data-verdict');
        expect(verdict, `${claim.id} on ${run.target}`).toBe(judgeClaim(claim, run.outcome));
      }
    }
  });

  test('the performance and guide pages render', async () => {
    const own = readJson<{ machine: { cpu?: string } }>('results/bench.json');
    const bench = own ?? readJson<{ machine: { cpu?: string } }>('bench/recorded.json');
    await page.goto(`${site.url}/docs/spec/performance`, { waitUntil: 'networkidle' });
    if (bench) {
      await expect(page.locator('[data-testid="bench-machine"]').textContent()).resolves.toContain(String(bench.machine.cpu ?? ''));
      await expect(page.locator('[data-testid="bench-source"]').textContent()).resolves.toContain(own ? "this checkout's" : 'bench/recorded.json');
    } else expect(await page.locator('[data-testid="no-results"]').count()).toBe(1);
    const response = await page.goto(`${site.url}/docs/guide/add-an-invariant`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('article').innerText()).resolves.toContain("id: 'int-cache.bounds'");
  });

  test('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
