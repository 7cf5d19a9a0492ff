// Headless Chromium from the Debian package (never downloaded), with a phone-sized viewport.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// One folder per database, so the SQLite and MariaDB runs keep their own screenshots.
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'test/artifacts', process.env.DB_URL ? 'mysql' : 'sqlite');
export const H5_INDEX = resolve(REPO_ROOT, 'miniapp/dist/h5/index.html');

export function assertH5Built(): void {
  if (!existsSync(H5_INDEX)) {
    throw new Error(`${H5_INDEX} is missing: run \`npm run build:h5\` before \`npm run test:browser\``);
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install it with \`apt-get install -y chromium fonts-noto-cjk\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Collects page errors and failed API calls, to print when a step fails. */
export function watchPage(page: Page): string[] {
  const events: string[] = [];
  page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') events.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) events.push(`${r.request().method()} ${r.url()} → ${r.status()}`);
  });
  return events;
}

let shot = 0;

/** Empties test/artifacts/ of earlier screenshots. */
export function resetArtifacts(): void {
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  shot = 0;
}
/**
 * Screenshot of the whole current page into test/artifacts/, numbered in story order. Taro's H5
 * pages scroll inside their own container, so the viewport is stretched to the content height
 * for the shot (after the page-transition animation has settled).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  shot += 1;
  await page.waitForTimeout(400);
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null || getComputedStyle(el).display !== 'none');
    const current = pages[pages.length - 1];
    return Math.max(current?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
  try {
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  } finally {
    if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  }
}
