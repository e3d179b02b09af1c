/**
 * What the outgoing-document journeys share: API sessions to prepare data, browser sessions
 * that record uncaught errors and console errors, screenshots, a small valid PDF, and the check
 * that nothing sticks out sideways at phone width. Not a test file (no `.e2e.ts`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { MeResponse } from '@vanban/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, password, shotsDir } from './browser.js';

export const desktop = { width: 1440, height: 900 };
export const phone = { width: 360, height: 740 };

// --- API (to prepare what a journey needs) --------------------------------------------------------

export interface ApiSession {
  me: MeResponse;
  cookie: string;
  csrf: string;
}

export async function apiLogin(username: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(response.status, 200, `cannot sign in as ${username}`);
  const me = (await response.json()) as MeResponse;
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { me, cookie, csrf: me.auth.csrfToken ?? '' };
}

/** A JSON request as that user; fails the test on an error answer. */
export async function api<T>(
  session: ApiSession,
  method: 'GET' | 'POST' | 'PUT',
  route: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${route} answered ${String(response.status)}: ${text}`);
  return JSON.parse(text) as T;
}

// --- Browser -----------------------------------------------------------------------------------

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, except the expected ones (see `expectedConsole`). */
  errors: string[];
}

/**
 * Console errors that are not faults of the page: the browser reports the 401 of the session
 * check on the login page (signed out is the normal state there).
 */
function expectedConsole(text: string, url: string): boolean {
  return /status of 401/.test(text) && new URL(url).pathname === '/login';
}

export async function signIn(
  browser: Browser,
  username: string,
  viewport = desktop,
  next = '/',
): Promise<Session> {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsole(message.text(), page.url())) {
      errors.push(`console: ${message.text()} (${page.url()})`);
    }
  });
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page, errors };
}

export async function done(session: Session): Promise<void> {
  assert.deepEqual(session.errors, [], 'no uncaught errors or console errors in the page');
  await session.context.close();
}

export async function shot(page: Page, name: string): Promise<void> {
  // From the top, so the fixed header is drawn where it belongs on the full-page image.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(200); // let transitions settle
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Picks an option of a Mantine Select / MultiSelect by its visible label. */
export async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function expectOutgoingState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="outgoing-state"][data-state="${state}"]`).first().waitFor();
}

/** `document.documentElement.scrollWidth <= 360`: nothing sticks out sideways. */
export async function assertFitsWidth(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(
    scrollWidth <= width,
    `the page is ${String(scrollWidth)} px wide at ${String(width)} px`,
  );
}

// --- Data ----------------------------------------------------------------------------------------

/** A small valid PDF (one page, Helvetica text) with a correct cross-reference table. */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${String(Buffer.byteLength(stream))} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${String(index + 1)} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Today in Hanoi as `YYYY-MM-DD`. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
