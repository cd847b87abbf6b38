/**
 * The playground in Chromium against the built site: the model and real CPythons (Pyodide in Web
 * Workers) run a typed program, 3.12.1 and 3.12.7 differ on sys.intern mortality, an endless loop
 * is stopped within the time limit on both stopping paths, a shared URL reproduces the program, and
 * the first result of the default CPython arrives within 3 s of the page load.
 * No expected output here is typed by hand: the model is compared with the real interpreters.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium, type Browser } from './chromium';
import { serveBuiltSite, type ServedSite } from './static-server';
import { closeAll, runPrograms } from '../../oracle/index';
import { FIDELITY_PROGRAMS } from '../../oracle/fidelity-programs';
import type { PlaygroundData } from '../../src/data/types';
import { TIME_LIMIT_MS } from '../../src/playground/runners';
import { stateQuery } from '../../src/playground/url-state';

// Written by the site build (scripts/generate-site.ts), which these tests need anyway.
const playground = JSON.parse(readFileSync('src/generated/playground.json', 'utf8')) as PlaygroundData;
const OUTPUT_DIR = 'test-output/browser';
const DEFAULT = `cpython:${playground.defaultVersion}`;
/** The budget from page load to the first result of the default CPython. */
const FIRST_RESULT_BUDGET_MS = 3_000;
const INTERRUPT_GRACE_MS = 1_000;
/** A run waits for its interpreter to load (seconds on this shared machine) and then for the program. */
const RUN_TIMEOUT_MS = 90_000;

async function editorText(page: Page): Promise<string> {
  await page.locator('.cm-content').waitFor();
  const lines = await page.locator('.cm-content .cm-line').allInnerTexts();
  return lines.map((line) => line.replace(/\n$/, '')).join('\n');
}

/** Replaces the program as a reader would: select all, then type or paste. */
async function setProgram(page: Page, text: string, how: 'type' | 'paste'): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (how === 'type') await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

/** Waits until run number `runId` (or any run) has finished on every target. */
async function waitForRun(page: Page, targets: readonly string[], runId?: number): Promise<void> {
  const table = runId === undefined ? '[data-testid=outputs]' : `[data-testid=outputs][data-run="${runId}"]`;
  for (const target of targets) {
    await page.locator(`${table} [data-testid="column-${target}"][data-state="done"]`).waitFor({ timeout: RUN_TIMEOUT_MS });
  }
}

/** One target's stdout as the table shows it, a line per row. */
async function stdoutOf(page: Page, target: string): Promise<string[]> {
  return page.locator(`[data-testid=outputs] td[data-section=stdout][data-target="${target}"]`).allInnerTexts();
}

async function run(page: Page, targets: readonly string[]): Promise<void> {
  const table = page.getByTestId('outputs');
  const previous = (await table.count()) === 0 ? 0 : Number(await table.getAttribute('data-run'));
  await page.getByTestId('run').click();
  await waitForRun(page, targets, previous + 1);
}

describe('the playground in Chromium', () => {
  let isolated: ServedSite;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const profile = playground.defaultProfile;

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    isolated = await serveBuiltSite(undefined, { crossOriginIsolated: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
    collectConsoleErrors(page, consoleErrors);
  });

  afterAll(async () => {
    await closeAll();
    await browser?.close();
    await isolated?.close();
  });

  test('the first result of the default CPython arrives within 3 s of the page load (measured)', async () => {
    const started = Date.now();
    await page.goto(`${isolated.url}/playground`);
    await page.locator('[data-testid=playground][data-first-result-ms]').waitFor({ timeout: RUN_TIMEOUT_MS });
    const wallMs = Date.now() - started;
    // performance.now() in the page counts from the start of the navigation.
    const firstResultMs = Number(await page.getByTestId('playground').getAttribute('data-first-result-ms'));
    const note = await page.getByTestId(`note-${DEFAULT}`).innerText();
    console.log(`playground: first ${DEFAULT} result ${firstResultMs} ms after navigation start (${wallMs} ms wall from goto); ${note}`);
    await waitForRun(page, [profile, DEFAULT]);
    expect(await stdoutOf(page, DEFAULT)).not.toEqual([]);
    expect(firstResultMs).toBeGreaterThan(0);
    expect(firstResultMs).toBeLessThanOrEqual(FIRST_RESULT_BUDGET_MS);
  });

  test('a typed program runs on the model and on CPython, and the model prints what CPython prints', async () => {
    await page.goto(`${isolated.url}/playground`);
    await waitForRun(page, [profile, DEFAULT]);
    const program = 'a = [1, 2]\nb = a\nprint(a is b, len(b), id(a) == id(b))\n';
    await setProgram(page, program, 'type');
    expect(await editorText(page)).toBe(program);
    await run(page, [profile, DEFAULT]);
    const real = await stdoutOf(page, DEFAULT);
    expect(real).toHaveLength(1);
    expect(await page.getByTestId(`column-${profile}`).getAttribute('data-exit')).toBe('0');
    expect(await stdoutOf(page, profile)).toEqual(real);
    expect(await page.locator('[data-testid=outputs] tr[data-differs=true]').count()).toBe(0);
    // The heap picture of the model's run, drawn in the page.
    await page.locator('[data-testid=heap-picture] svg [data-box-kind=name]').first().waitFor({ timeout: RUN_TIMEOUT_MS });
    // One step per statement; after the last one both names are drawn, after the first only `a`.
    const names = page.locator('[data-testid=heap-picture] svg [data-box-kind=name]');
    expect(await names.count()).toBe(1);
    await page.getByTestId('heap-step').focus();
    await page.keyboard.press('End');
    expect(await page.getByTestId('heap-step').getAttribute('aria-valuetext')).toMatch(/^3 of 3/);
    expect(await names.count()).toBe(2);
  });

  test('3.12.1 and 3.12.7 differ on sys.intern mortality, and each model profile prints what its CPython prints', async () => {
    const example = playground.examples.findIndex((item) => item.invariant === 'interning.mortality');
    expect(example).toBeGreaterThanOrEqual(0);
    await page.getByTestId('examples').selectOption(String(example));
    expect(await editorText(page)).toBe(playground.examples[example]?.source);
    await page.getByTestId('version-3.12.1').check();
    const targets = ['cpython:3.12.1', 'cpython:3.12.7'];
    for (const version of ['3.12.1', '3.12.7']) {
      await page.getByTestId('profile').selectOption(`model:${version}-wasm32`);
      await run(page, [`model:${version}-wasm32`, ...targets]);
      expect(await stdoutOf(page, `model:${version}-wasm32`)).toEqual(await stdoutOf(page, `cpython:${version}`));
    }
    const [old, fixed] = [await stdoutOf(page, targets[0] as string), await stdoutOf(page, targets[1] as string)];
    expect(old).not.toEqual(fixed);
    const marked = page.locator('[data-testid=outputs] tr[data-section=stdout][data-differs=true]');
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('diff-summary').innerText()).toMatch(/differ/);
    await page.screenshot({ path: `${OUTPUT_DIR}/playground.png`, fullPage: true });
  });

  test('a shared URL reproduces the program and its outputs', async () => {
    const link = await page.getByTestId('share-link').getAttribute('href');
    expect(link).toMatch(/\/playground\?code=/);
    const [source, outputs] = [await editorText(page), await page.getByTestId('outputs').locator('tbody').innerText()];
    const other = await browser.context.newPage();
    collectConsoleErrors(other, consoleErrors);
    await other.goto(link as string);
    expect(await editorText(other)).toBe(source);
    await waitForRun(other, ['model:3.12.7-wasm32', 'cpython:3.12.1', 'cpython:3.12.7']);
    expect(await other.getByTestId('outputs').locator('tbody').innerText()).toBe(outputs);
    await other.close();
  });

  test('the page prints what the oracle prints for programs whose output depends on how they are run', async () => {
    // Reference counts of constants and the shape of __main__ (oracle/fidelity-programs.ts); the
    // default version starts from the site's snapshot, the oracle from a full start in Node.
    const programs = [0, 1, 6].map((index) => FIDELITY_PROGRAMS[index] as string);
    const expected = await runPrograms(DEFAULT, programs, { fresh: true });
    await page.getByTestId('version-3.12.1').uncheck();
    for (const [index, program] of programs.entries()) {
      await setProgram(page, program, 'paste');
      await run(page, [profile, DEFAULT]);
      const shown = await stdoutOf(page, DEFAULT);
      expect(shown.join('\n')).toBe(expected[index]?.stdout.replace(/\n$/, ''));
    }
    expect(await page.getByTestId(`note-${DEFAULT}`).innerText()).toMatch(playground.versions.find((item) => item.version === playground.defaultVersion)?.snapshot ? /started from its snapshot/ : /loaded in/);
  });

  test('every embedded CPython runs in the page and prints what the oracle prints', async () => {
    const program = FIDELITY_PROGRAMS[0] as string;
    const versions = playground.versions.map((item) => item.version);
    const targets = versions.map((version) => `cpython:${version}`);
    const expected = await Promise.all(targets.map(async (target) => (await runPrograms(target, [program], { fresh: true }))[0]));
    const other = await browser.context.newPage();
    collectConsoleErrors(other, consoleErrors);
    try {
      await other.goto(`${isolated.url}/playground${stateQuery({ source: program, versions, profile })}`);
      await waitForRun(other, targets);
      for (const [index, target] of targets.entries()) {
        expect(await other.getByTestId(`column-${target}`).getAttribute('data-exit')).toBe('0');
        expect((await stdoutOf(other, target)).join('\n')).toBe(expected[index]?.stdout.replace(/\n$/, ''));
      }
    } finally {
      await other.close();
    }
    // Five interpreters start at once in the page and five in the oracle: minutes on a busy machine.
  }, 300_000);

  test('unsupported constructs are marked in the editor at their line and column', async () => {
    await setProgram(page, 'x = 1\nif x:\n    import os\nprint(x)\n', 'paste');
    await run(page, [profile, DEFAULT]);
    expect(await page.getByTestId('diagnostics').innerText()).toMatch(/^line 3, column 5: unsupported: import os/);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(1);
    expect(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count()).toBe(1);
  });

  /** Runs an endless loop and checks it is stopped at the limit; then that the page still runs programs. */
  async function endlessLoopIsStopped(target: Page, interrupted: boolean): Promise<void> {
    await setProgram(target, 'print("started")\nn = 0\nwhile True:\n    n += 1\n', 'paste');
    await run(target, [profile, DEFAULT]);
    const column = target.getByTestId(`column-${DEFAULT}`);
    expect(await column.getAttribute('data-timed-out')).toBe('true');
    const durationMs = Number(await column.getAttribute('data-duration-ms'));
    expect(durationMs).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 50);
    expect(durationMs).toBeLessThanOrEqual(TIME_LIMIT_MS + INTERRUPT_GRACE_MS + 500);
    expect(await target.getByTestId(`note-${DEFAULT}`).innerText()).toMatch(/time limit of 5 s exceeded/);
    // The model refuses a loop past its statement limit (model/python/eval/interpreter.ts MAX_STATEMENTS), before the time limit.
    expect(await target.getByTestId(`column-${profile}`).getAttribute('data-timed-out')).toBe('false');
    expect(await target.getByTestId(`column-${profile}`).getAttribute('data-exit')).toBe('2');
    const modelStderr = await target.locator(`[data-testid=outputs] td[data-section=stderr][data-target="${profile}"]`).allInnerTexts();
    expect(modelStderr.join('\n')).toMatch(/^unsupported: more than 200000 statements run \(a loop that may not end\)/);
    // The model keeps what it printed before the refusal (its row shows an empty cell for a CPython without output).
    expect(await stdoutOf(target, profile)).toEqual(['started']);
    // Interrupted, the program unwinds and its output so far is flushed; a terminated worker leaves none.
    expect((await stdoutOf(target, DEFAULT)).filter((cell) => cell !== '')).toEqual(interrupted ? ['started'] : []);
    await setProgram(target, 'x = 6 * 7\nprint(x, "still usable")\n', 'paste');
    await run(target, [profile, DEFAULT]);
    expect(await stdoutOf(target, DEFAULT)).toHaveLength(1);
    expect(await stdoutOf(target, profile)).toEqual(await stdoutOf(target, DEFAULT));
  }

  test('an endless loop is stopped by the interrupt buffer when memory can be shared', async () => {
    expect(await page.getByTestId('playground').getAttribute('data-shared-memory')).toBe('true');
    await endlessLoopIsStopped(page, true);
  });

  test('an endless loop is stopped by terminating the worker when memory cannot be shared', async () => {
    const plain = await serveBuiltSite();
    const other = await browser.context.newPage();
    collectConsoleErrors(other, consoleErrors);
    try {
      await other.goto(`${plain.url}/playground`);
      await waitForRun(other, [profile, DEFAULT]);
      expect(await other.getByTestId('playground').getAttribute('data-shared-memory')).toBe('false');
      await endlessLoopIsStopped(other, false);
    } finally {
      await other.close();
      await plain.close();
    }
  });

  test('each invariant example opens in the playground', async () => {
    await page.goto(`${isolated.url}/docs/spec/interning/mortality`);
    const example = playground.examples.find((item) => item.invariant === 'interning.mortality' && item.index === 0);
    await page.getByTestId('open-in-playground').first().click();
    await page.getByTestId('playground').waitFor();
    expect(await editorText(page)).toBe(example?.source);
  });

  test('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
