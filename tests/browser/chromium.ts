/**
 * Starts Debian's Chromium under Playwright with the flags this machine needs: no sandbox as root,
 * no GPU, and no background networking (the closed network otherwise refuses many connections).
 * A missing Chromium is an error that says how to install it, never a silent skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.OBJSPEC_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's Chromium. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (as .ci/run does), ' +
        'or point OBJSPEC_CHROMIUM at another Chromium binary.',
    );
  }
  // Playwright refuses --user-data-dir in args; a persistent context with a fresh folder is the same.
  const userDataDir = mkdtempSync(join(tmpdir(), 'objspec-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records every console error and uncaught page error of `page` into `errors`, with the page's URL. */
export function collectConsoleErrors(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
}
