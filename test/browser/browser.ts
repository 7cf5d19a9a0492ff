// Headless Chromium from the Debian package (never downloaded), with a phone-sized viewport.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BusinessType, CheckResult, IDEMPOTENCY_HEADER, itemsDue, listFromTemplate, templateFor, type DailyCheckDto, type EnterpriseRiskItem, type RiskListDto } from '@shian/shared';
import { png } from '../support/images';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server';

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

/** What a story's set-up gives it: the server, and one phone-sized page on it. */
export interface StorySetup {
  server: RunningServer;
  page: Page;
  /** Page errors and failed API calls, for runStory's failure message. */
  events: string[];
  /** The app's content; Taro's (hidden) H5 navigation bar repeats the page title outside it. */
  ui: Locator;
}

/**
 * Registers the spec file's beforeAll / afterAll: checks the H5 build, empties the story's
 * screenshot folder, starts the server and a headless browser with one phone page (15 s default
 * timeout), then hands them to `ready` (which may also do the spec's own set-up); afterwards
 * closes the browser and stops the server.
 */
export function setUpStory(story: string, ready: (setup: StorySetup) => Promise<void> | void): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    assertH5Built();
    resetArtifacts(story);
    server = await startServer();
    browser = await launchBrowser();
    const context = await newPhoneContext(browser, server.baseUrl);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const events = watchPage(page);
    await ready({ server, page, events, ui: page.locator('#app') });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
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
let storyDir = ARTIFACTS_DIR;

/**
 * Starts a story's screenshots in test/artifacts/<db>/<story>/, emptied of earlier ones; each
 * spec file has its own folder, so running one story keeps the others' screenshots.
 */
export function resetArtifacts(story: string): void {
  storyDir = resolve(ARTIFACTS_DIR, story);
  rmSync(storyDir, { recursive: true, force: true });
  mkdirSync(storyDir, { recursive: true });
  shot = 0;
}
/**
 * Screenshot of the whole current page into the story's folder, numbered in story order. Taro's H5
 * pages scroll inside their own container, so the viewport is stretched to the content height
 * for the shot (after the page-transition animation has settled).
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(storyDir, { recursive: true });
  shot += 1;
  await page.waitForTimeout(400);
  const path = resolve(storyDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  // What the phone shows right now (e.g. a sticky bar over scrolled content).
  if (opts.fullPage === false) {
    await page.screenshot({ path });
    return;
  }
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null || getComputedStyle(el).display !== 'none');
    const current = pages[pages.length - 1];
    return Math.max(current?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
  try {
    await page.screenshot({ path, fullPage: true });
  } finally {
    if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  }
}

/** An image the story made some other way (e.g. a rendered PDF), kept in story order like a screenshot. */
export function keepImage(name: string, png: Buffer): void {
  mkdirSync(storyDir, { recursive: true });
  shot += 1;
  writeFileSync(resolve(storyDir, `${String(shot).padStart(2, '0')}-${name}.png`), png);
}

/**
 * The native input / textarea with this placeholder. Taro's H5 components put the placeholder on
 * both the <taro-input-core> host element and the native field inside it; we type into the latter.
 */
export function field(scope: Page | Locator, placeholder: string): Locator {
  return scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

/** The NutUI button whose whole label is `label` (the host element takes the click, not its text). */
export function buttonIn(scope: Page | Locator, label: string): Locator {
  return scope.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

/** The page shown now: Taro's H5 router keeps earlier pages of the stack in the DOM, hidden. */
export function shownPage(page: Page): Locator {
  return page.locator('#app .taro_page:visible').last();
}

/** '2026年12月2日', as the pages write a business date. */
export const chineseDate = (d: string): string => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Logs in through the login page. */
export async function loginAs(ui: Locator, user: { phone: string; password: string }): Promise<void> {
  await field(ui, '请输入手机号').fill(user.phone);
  await field(ui, '请输入密码').fill(user.password);
  await buttonIn(ui, '登录').click();
}

/** Logs the signed-in user out (clears the device's storage) and logs `user` in on the login page. */
export async function switchUser(page: Page, user: { phone: string; password: string }): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await field(shownPage(page), '请输入手机号').waitFor();
  await loginAs(shownPage(page), user);
}

/** An access token for calling the API directly (test set-up, not the story itself). */
export async function apiToken(baseUrl: string, user: { phone: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`login ${user.phone} → ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** GET an API path as that user, parsed. */
export async function apiGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}

/** POST a JSON body as that user with a fresh Idempotency-Key (test set-up). */
export async function apiPost(baseUrl: string, token: string, path: string, body: unknown): Promise<globalThis.Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: randomUUID() },
    body: JSON.stringify(body),
  });
}

/**
 * Set-up: `user` (the business's officer) submits its daily check of `businessDate` through the
 * API, every item 符合 unless `problem` makes the first one 不符合.
 */
export async function submitDailyCheck(
  baseUrl: string,
  user: { phone: string; password: string },
  businessDate: string,
  opts: { remarks?: string; problem?: { problem: string; measure: string; fixedOnSpot: boolean } } = {},
): Promise<DailyCheckDto> {
  const items = (await dailyItemsOf(baseUrl, user)).map((i, n) => (n === 0 && opts.problem ? { code: i.code, result: CheckResult.Fail, ...opts.problem } : { code: i.code, result: CheckResult.Pass }));
  const res = await apiPost(baseUrl, await apiToken(baseUrl, user), '/api/daily-checks', { businessDate, items, remarks: opts.remarks, confirm: true });
  if (res.status !== 201) throw new Error(`daily check ${businessDate} → ${res.status} ${await res.text()}`);
  return (await res.json()) as DailyCheckDto;
}

/**
 * Set-up: `user` (a catering business's director) submits the weekly investigation of `week`
 * through the API, every weekly item 符合, with one hazard and its measure. Returns the report's id.
 */
export async function submitWeeklyInvestigation(
  baseUrl: string,
  user: { phone: string; password: string },
  week: string,
  hazard: { description: string; measure: string; requirements: string; deadline: string },
): Promise<string> {
  const res = await apiPost(baseUrl, await apiToken(baseUrl, user), '/api/weekly-investigations', {
    week,
    items: itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass })),
    hazards: [{ description: hazard.description }],
    measures: [{ description: hazard.measure, owner: '王总监', deadline: hazard.deadline }],
    resolutions: [],
    nextWeekRequirements: hazard.requirements,
    confirm: true,
  });
  if (res.status !== 201) throw new Error(`weekly investigation ${week} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** The daily items of `user`'s business's own risk list, as the daily-check form asks them. */
export async function dailyItemsOf(baseUrl: string, user: { phone: string; password: string }): Promise<EnterpriseRiskItem[]> {
  const list = await apiGet<RiskListDto>(baseUrl, await apiToken(baseUrl, user), '/api/risk-lists/mine');
  return itemsDue(list.items, 'daily');
}

/** Runs a story; on failure adds a screenshot of the page as it was and the page errors / failed API calls. */
export async function runStory(page: Page, events: string[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await screenshot(page, 'FAILED').catch(() => undefined);
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`${msg}\n--- url: ${page.url()}\n--- browser events:\n${events.join('\n') || '(none)'}`);
  }
}

/** A small solid-colour PNG made here (no fixture file), for Playwright's setFiles / setInputFiles. */
export function testPng(name = 'photo.png', rgb: [number, number, number] = [220, 60, 60], size = 48): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'image/png', buffer: png(size, size, rgb) };
}

/**
 * Adds one photo through a PhotoPicker inside `scope`: its 「+」 opens the (hidden) file input,
 * Playwright fills it, and the call returns once the photo is uploaded.
 */
export async function attachPhoto(page: Page, scope: Locator, file = testPng()): Promise<void> {
  const before = await scope.locator('.photo-picker__item--done').count();
  const chooser = page.waitForEvent('filechooser');
  await scope.locator('.photo-picker__add').click();
  await (await chooser).setFiles(file);
  await scope.locator('.photo-picker__item--done').nth(before).waitFor();
}

/** Waits until an <img> in `scope` has loaded a picture (blob src, non-zero size). */
export async function waitForLoadedImage(scope: Locator): Promise<void> {
  const img = scope.locator('img').first();
  await img.waitFor();
  await expectTrue(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0));
}

async function expectTrue(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('image did not load');
    await new Promise((r) => setTimeout(r, 100));
  }
}
