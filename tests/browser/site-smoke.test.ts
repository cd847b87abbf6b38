import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsoleErrors, launchChromium, type Browser } from './chromium';
import { serveBuiltSite, type ServedSite } from './static-server';

const OUTPUT_DIR = 'test-output/browser';

describe('the built site in Chromium', () => {
  let site: ServedSite;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    site = await serveBuiltSite();
    browser = await launchChromium();
    page = await browser.context.newPage();
    collectConsoleErrors(page, consoleErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('the home page renders its title and links', async () => {
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    await expect(page.locator('main h1').textContent()).resolves.toBe('objspec');
    expect(await page.locator('main a[href="/docs/api"]').count()).toBe(1);
    await page.screenshot({ path: `${OUTPUT_DIR}/home.png`, fullPage: true });
  });

  test('the API reference page exists and lists the spec and model modules', async () => {
    const response = await page.goto(`${site.url}/docs/api`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const text = await page.locator('article').innerText();
    expect(text).toMatch(/spec/);
    expect(text).toMatch(/model/);
  });

  test('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
