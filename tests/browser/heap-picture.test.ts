/**
 * The heap picture of an example in Chromium: drawn as SVG from the model's trace, stepped with
 * its slider, readable in both colour modes. What the picture must show (the names at each step,
 * the weak reference and its disappearance) is read from results/examples.json, not from the
 * generated page data.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chooseTrace, type TracedRun } from '../../scripts/site/heap-trace';
import { collectConsoleErrors, launchChromium, type Browser } from './chromium';
import { serveBuiltSite, type ServedSite } from './static-server';

const OUTPUT_DIR = 'test-output/browser';
/** An example with a weak reference whose referent is freed part-way. */
const INVARIANT = 'weakref.dies-with-referent';
const EXAMPLE = 0;
const PAGE = '/docs/spec/weakref/dies-with-referent';

interface RecordedExample {
  readonly invariant: string;
  readonly index: number;
  readonly runs: TracedRun[];
}

function recordedTrace() {
  const file = 'results/examples.json';
  if (!existsSync(file)) throw new Error(`${file} is missing: run npx vitest run --project properties properties/examples.test.ts`);
  const examples = (JSON.parse(readFileSync(file, 'utf8')) as { examples: RecordedExample[] }).examples;
  const example = examples.find((item) => item.invariant === INVARIANT && item.index === EXAMPLE);
  if (!example) throw new Error(`${file} has no run of ${INVARIANT} example ${EXAMPLE}`);
  const chosen = chooseTrace(example.runs);
  if (!chosen) throw new Error(`${file} holds no model trace of ${INVARIANT} example ${EXAMPLE}`);
  return chosen.run;
}

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

async function fills(box: Locator): Promise<{ text: string; rect: string }> {
  return box.evaluate((g) => ({
    text: getComputedStyle(g.querySelector('text') as Element).fill,
    rect: getComputedStyle(g.querySelector('rect') as Element).fill,
  }));
}

/** The colour behind an element: the first ancestor's background that is not transparent. */
async function backgroundBehind(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    for (let node: Element | null = el; node !== null; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  });
}

describe('the heap picture in Chromium', () => {
  const run = recordedTrace();
  // The step where the weak reference exists and its referent is alive.
  const weakStep = run.trace.findIndex((snapshot) => snapshot.objects.some((object) => object.weakReferences.length > 0));
  let site: ServedSite;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const watch = (p: Page) => collectConsoleErrors(p, consoleErrors);

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    site = await serveBuiltSite();
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1300, height: 900 });
    watch(page);
    await page.goto(`${site.url}${PAGE}`, { waitUntil: 'networkidle' });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const figure = () => page.locator('[data-testid="example"]').nth(EXAMPLE).locator('[data-testid="heap-picture"]');
  const names = (f: Locator) => f.locator('[data-box-kind="name"] text').allTextContents();

  test('the picture is an SVG with a title, boxes and arrows, from the newest traced profile', async () => {
    const f = figure();
    await expect(f.getAttribute('data-target')).resolves.toBe(run.target);
    const svg = f.locator('svg[role="img"]');
    expect(await svg.count()).toBe(1);
    expect((await svg.locator('title').textContent())?.trim()).toMatch(/^The heap after line \d+: /);
    expect(await f.locator('[data-box-kind]:not([data-box-kind="name"])').count()).toBeGreaterThan(0);
    expect(await f.locator('[data-edge-kind] path').count()).toBeGreaterThan(0);
    expect(await names(f)).toEqual(Object.keys(run.trace[0]?.names ?? {}));
    await expect(f.getByText(run.target, { exact: true }).count()).resolves.toBeGreaterThan(0);
  });

  test('the slider steps through the statements and the picture follows', async () => {
    const f = figure();
    const slider = f.getByLabel('Statement');
    expect(await slider.getAttribute('max')).toBe(String(run.trace.length - 1));
    const svg = f.locator('svg[role="img"]');
    const firstPicture = await svg.innerHTML();
    const lines = run.trace.map((snapshot) => snapshot.line);
    expect(weakStep, 'the recorded trace has a step with a live weak reference').toBeGreaterThan(0);

    await slider.focus();
    for (let i = 0; i < weakStep; i++) await page.keyboard.press('ArrowRight');
    await expect(f.getByTestId('heap-step-line').textContent()).resolves.toContain(`after line ${lines[weakStep]}:`);
    expect(await svg.innerHTML()).not.toBe(firstPicture);
    expect(await names(f)).toEqual(Object.keys(run.trace[weakStep]?.names ?? {}));
    // Object boxes say type and reference count, and carry an address label.
    const objectTexts = await f.locator('[data-box-kind="object"]').allTextContents();
    expect(objectTexts.length).toBeGreaterThan(0);
    for (const text of objectTexts) expect(text).toMatch(/^@\d+ \S+.*(refcount (\d+|\?)|immortal)/);
    const weak = f.locator('[data-edge-kind="weak"] path');
    expect(await weak.count()).toBe(1);
    expect(await weak.evaluate((path) => getComputedStyle(path).strokeDasharray)).not.toBe('none');
    expect(await f.locator('[data-edge-kind="strong"] path').evaluate((path) => getComputedStyle(path).strokeDasharray)).toBe('none');
    await f.screenshot({ path: `${OUTPUT_DIR}/heap-picture.png` });

    await page.keyboard.press('End');
    const last = run.trace.length - 1;
    await expect(f.getByTestId('heap-step-line').textContent()).resolves.toContain(`after line ${lines[last]}:`);
    expect(await names(f)).toEqual(Object.keys(run.trace[last]?.names ?? {}));
    // The referent was freed: the weak reference's arrow went with it.
    expect(await f.locator('[data-edge-kind="weak"]').count()).toBe(0);
  });

  test('text and arrows are readable in light and dark mode', async () => {
    const dark = await browser.context.newPage();
    watch(dark);
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(`${site.url}${PAGE}`, { waitUntil: 'networkidle' });
    await expect(dark.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    const darkFigure = dark.locator('[data-testid="example"]').nth(EXAMPLE).locator('[data-testid="heap-picture"]');
    await darkFigure.getByLabel('Statement').focus();
    for (let i = 0; i < weakStep; i++) await dark.keyboard.press('ArrowRight');
    await expect(darkFigure.locator('[data-edge-kind="weak"]').count()).resolves.toBe(1);
    // The light page is at its last step, the dark one at the weak reference's: both show names, objects and a class.
    for (const f of [figure(), darkFigure]) {
      for (const kind of ['name', 'object', 'small']) {
        const box = f.locator(`[data-box-kind="${kind}"]`).first();
        const colours = await fills(box);
        expect(contrast(colours.text, colours.rect), `${kind} box text on its fill (${JSON.stringify(colours)})`).toBeGreaterThanOrEqual(4.5);
      }
      for (const polygon of await f.locator('[data-edge-kind] polygon').all()) {
        const arrow = await polygon.evaluate((element) => getComputedStyle(element).fill);
        const background = await backgroundBehind(f);
        expect(contrast(arrow, background), `arrows (${arrow}) on the page background (${background})`).toBeGreaterThanOrEqual(3);
      }
    }
    await darkFigure.screenshot({ path: `${OUTPUT_DIR}/heap-picture-dark.png` });
    await dark.close();
  });

  test('no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
