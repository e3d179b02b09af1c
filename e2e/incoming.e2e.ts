/**
 * Incoming documents journey through the built web app served by the real server (demo city):
 * the clerk registers a document with a PDF and submits it to the director (and sees the
 * duplicate warning when registering it twice) → the director directs it to two units (lead
 * TCBC, co-handler CCVC) → the TCBC head passes it to a specialist → the specialist starts and
 * completes it. States are checked in the UI at each step; the lists, search, home counts and
 * the notification bell are visited on the way. Screenshots at 1440 px and 360 px go to
 * test-results/e2e/ (prefix `incoming-`).
 *
 *   npm run test:e2e                                 # builds, starts a fresh server, runs all
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/incoming.e2e.ts   # against a running one
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MeResponse } from '@vanban/contracts';
import { baseUrl, launchChromium, password, shotsDir } from './browser.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const desktop = { width: 1440, height: 900 };
const phone = { width: 360, height: 740 };

const users = {
  clerk: 'vanthu.snv',
  director: 'giamdoc.snv',
  headTcbc: 'truongphong.snv',
  specialist: 'chuyenvien.snv',
} as const;

let browser: Browser | undefined;
const names = new Map<string, string>();

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

/** A small valid PDF (one page, Helvetica text) with a correct cross-reference table. */
function minimalPdf(text: string): Buffer {
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

/** Today as dd/MM/yyyy in Hanoi, as the clerk types it. */
function todayVn(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  return parts; // en-GB formats as dd/MM/yyyy
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  // Full names as the UI shows them, from each account's own /api/auth/me.
  for (const username of Object.values(users)) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    assert.equal(response.status, 200, `cannot sign in as ${username}`);
    const me = (await response.json()) as MeResponse;
    names.set(username, me.user.fullName);
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

function nameOf(username: string): string {
  const name = names.get(username);
  assert.ok(name, `no name for ${username}`);
  return name;
}

async function shot(page: Page, size: 'desktop-1440' | 'phone-360', step: string): Promise<void> {
  await page.waitForTimeout(150); // let transitions settle
  await page.screenshot({
    path: path.join(shotsDir, `incoming-${size}-${step}.png`),
    fullPage: true,
  });
}

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function signIn(username: string, viewport = desktop, next = '/'): Promise<Session> {
  const context = await launched().newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page, errors };
}

async function done(session: Session): Promise<void> {
  assert.deepEqual(session.errors, [], 'no uncaught errors in the page');
  await session.context.close();
}

/** Picks an option of a Mantine Select/MultiSelect by its visible label. */
async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function expectState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="state-badge"][data-state="${state}"]`).first().waitFor();
}

/** Nothing sticks out sideways at 360 px. */
async function assertNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 1, `the page scrolls sideways by ${String(overflow)} px`);
}

const stamp = Date.now() % 100000;
const reference = `${String(stamp)}/UBND-VX`;
const subject = `Về việc triển khai kế hoạch cải cách hành chính năm 2026 (kiểm thử ${String(stamp)})`;

async function fillRegisterForm(page: Page, withFile: boolean): Promise<void> {
  await page.getByRole('heading', { name: 'Tiếp nhận và vào sổ văn bản đến', level: 1 }).waitFor();
  if (withFile) {
    await page.getByTestId('file-input').setInputFiles({
      name: 'ke-hoach-cchc-2026.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf('Ke hoach cai cach hanh chinh nam 2026'),
    });
    await page.locator('[data-testid="upload-item"][data-status="done"]').waitFor();
  }
  // Sender from the directory: type part of the name, pick the agency.
  await page.getByTestId('sender-input').fill('Ủy ban nhân dân thành phố');
  await page
    .getByRole('option', { name: /Ủy ban nhân dân thành phố Hà Nội/ })
    .first()
    .click();
  // The notation is checked as it is typed.
  const referenceInput = page.getByTestId('reference-input');
  await referenceInput.fill('12 UBND');
  await referenceInput.blur();
  await page.getByText('Thiếu dấu “/” giữa số và ký hiệu, ví dụ 12/UBND-VX.').waitFor();
  await referenceInput.fill(reference);
  await page.getByTestId('reference-parsed').waitFor();
  const issueDate = page.getByTestId('issue-date-input');
  await issueDate.fill(todayVn());
  await issueDate.press('Tab');
  // "12/UBND-VX" has no type abbreviation: the type defaults to công văn.
  assert.equal(await page.getByTestId('doc-type-select').inputValue(), 'Công văn');
  await page.getByTestId('subject-input').fill(subject);
  await pick(page, 'urgency-select', 'Thượng khẩn');
}

void describe('incoming documents journey', () => {
  let documentId = '';

  void test('the clerk registers a document with a PDF and submits it to the director', async () => {
    const session = await signIn(users.clerk, desktop, '/incoming');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/incoming/to-register`);
      await page.getByTestId('incoming-new').click();
      await fillRegisterForm(page, true);
      await page.getByRole('radio', { name: 'Theo số ngày làm việc' }).check();
      await page.getByRole('textbox', { name: /^Số ngày làm việc/ }).fill('10');
      await page.getByTestId('submit-now').check();
      await pick(page, 'submit-to-select', new RegExp(nameOf(users.director)));
      await shot(page, 'desktop-1440', '01-register-form');
      await page.getByTestId('register-submit').click();

      await page.waitForURL(/\/incoming\/[0-9a-f-]{36}$/);
      documentId = page.url().split('/').at(-1) ?? '';
      await page.getByTestId('registered-notice').waitFor();
      await expectState(page, 'submitted');
      assert.equal(await page.getByTestId('doc-subject').textContent(), subject);
      await page.getByTestId('meta-reference').getByText(reference).waitFor();
      await page.getByTestId('urgency-badge').getByText('Thượng khẩn').first().waitFor();
      await page.getByTestId('file-row').getByText('ke-hoach-cchc-2026.pdf').waitFor();
      await page.getByTestId('pdf-preview').waitFor();
      await page.locator('[data-testid="history-event"][data-type="incoming.submitted"]').waitFor();
      await shot(page, 'desktop-1440', '02-registered');

      // Registering the same document again is caught as a duplicate; the clerk cancels.
      await page.goto(`${baseUrl}/incoming/new`);
      await fillRegisterForm(page, false);
      await page.getByTestId('register-submit').click();
      await page.getByTestId('duplicate-warning').waitFor();
      await page.getByText('Có thể trùng văn bản đã vào sổ').waitFor();
      await shot(page, 'desktop-1440', '03-duplicate-warning');
      await page.getByTestId('duplicate-warning').getByRole('button', { name: 'Hủy' }).click();
      await page.getByTestId('duplicate-warning').waitFor({ state: 'detached' });
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the director sees it at home, in the list and directs it to two units', async () => {
    assert.ok(documentId, 'registered in the previous step');
    const session = await signIn(users.director);
    const { page } = session;
    try {
      // Home: counts per view, linking to the lists; the bell has the new document.
      const toDirect = page.getByTestId('home-count-to-direct');
      await toDirect.waitFor();
      await page
        .getByTestId('notification-count')
        .getByText(/^[1-9]/)
        .waitFor();
      await shot(page, 'desktop-1440', '04-home-director');
      await toDirect.click();
      await page.waitForURL(`${baseUrl}/incoming/to-direct`);
      const row = page.getByTestId('incoming-row').filter({ hasText: subject });
      await row.waitFor();
      assert.equal(await row.getAttribute('data-urgency'), 'top_urgent');
      await row.getByTestId('urgency-badge').getByText('Thượng khẩn').waitFor();
      await shot(page, 'desktop-1440', '05-list-to-direct');

      // Filters and sort live in the address.
      await page.getByTestId('incoming-sort').click();
      await page.getByRole('option', { name: 'Hạn xử lý' }).click();
      await page.waitForURL(/sort=due/);
      await row.waitFor();

      await row.getByRole('link', { name: subject }).click();
      await page.waitForURL(`${baseUrl}/incoming/${documentId}`);
      await expectState(page, 'submitted');
      await page.getByTestId('action-direct').click();
      const dialog = page.getByTestId('direct-dialog');
      await page.getByTestId('direction-input').waitFor();
      await page
        .getByTestId('direction-input')
        .fill('Giao Phòng Tổ chức biên chế chủ trì, Phòng Công chức, viên chức phối hợp tham mưu.');
      await pick(page, 'lead-select', 'Phòng Tổ chức biên chế');
      await pick(page, 'co-handlers-select', 'Phòng Công chức, viên chức');
      await page.keyboard.press('Escape'); // close the multiselect dropdown, not the dialog
      await dialog.getByTestId('dialog-submit').waitFor();
      await shot(page, 'desktop-1440', '06-direct-dialog');
      await dialog.getByTestId('dialog-submit').click();
      await page.getByTestId('direction-input').waitFor({ state: 'detached' });

      await expectState(page, 'assigned');
      const lead = page.locator('[data-testid="assignment"][data-role="lead"]');
      const coHandler = page.locator('[data-testid="assignment"][data-role="co_handler"]');
      assert.equal(await lead.getByTestId('assignee').textContent(), 'Phòng Tổ chức biên chế');
      assert.equal(
        await coHandler.getByTestId('assignee').textContent(),
        'Phòng Công chức, viên chức',
      );
      assert.equal(await lead.getAttribute('data-state'), 'assigned');
      await page.getByTestId('direction').waitFor();
      await shot(page, 'desktop-1440', '07-directed');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the head of TCBC passes it to a specialist', async () => {
    const session = await signIn(users.headTcbc, desktop, '/incoming');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/incoming/to-handle`);
      const row = page.getByTestId('incoming-row').filter({ hasText: subject });
      await row.getByRole('link', { name: subject }).click();
      await page.waitForURL(`${baseUrl}/incoming/${documentId}`);
      await page.getByTestId('action-reassign').click();
      await pick(page, 'reassign-select', new RegExp(nameOf(users.specialist)));
      await page.getByTestId('reassign-dialog').getByTestId('dialog-submit').click();
      await page.getByTestId('reassign-select').waitFor({ state: 'detached' });
      await page
        .locator('[data-testid="assignment"][data-role="lead"][data-active]')
        .filter({ hasText: nameOf(users.specialist) })
        .waitFor();
      await page.locator('[data-testid="assignment"][data-state="reassigned"]').waitFor();
      await shot(page, 'desktop-1440', '08-reassigned');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the specialist starts and completes it, from the bell', async () => {
    const session = await signIn(users.specialist);
    const { page } = session;
    try {
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-item').filter({ hasText: reference }).first();
      await item.waitFor();
      await shot(page, 'desktop-1440', '09-notifications');
      await item.click();
      await page.waitForURL(`${baseUrl}/incoming/${documentId}`);

      await page.getByTestId('action-start').click();
      await expectState(page, 'in_progress');
      await page.locator('[data-testid="assignment"][data-state="in_progress"]').waitFor();

      await page.getByTestId('action-complete').click();
      const dialog = page.getByTestId('complete-dialog');
      await dialog
        .getByTestId('dialog-text')
        .fill('Đã tham mưu văn bản trả lời, trình Giám đốc ký.');
      await dialog.getByTestId('dialog-submit').click();
      await dialog.getByTestId('dialog-text').waitFor({ state: 'detached' });
      await expectState(page, 'completed');
      await page.getByTestId('result').getByText('Đã tham mưu văn bản trả lời').waitFor();
      await page.locator('[data-testid="history-event"][data-type="incoming.completed"]').waitFor();
      assert.equal(await page.getByTestId('document-actions').count(), 0, 'nothing left to do');
      await shot(page, 'desktop-1440', '10-completed');

      // Full-text search, diacritics-insensitive, with the matches marked.
      await page.goto(`${baseUrl}/incoming/search?q=${encodeURIComponent('cai cach hanh chinh')}`);
      const result = page.getByTestId('search-result').filter({ hasText: reference });
      await result.waitFor();
      assert.ok((await result.locator('mark').count()) > 0, 'matches are highlighted');
      await shot(page, 'desktop-1440', '11-search');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the same screens at 360 px', async () => {
    const clerk = await signIn(users.clerk, phone, '/incoming/new');
    try {
      await clerk.page.getByRole('heading', { name: 'Tiếp nhận và vào sổ văn bản đến' }).waitFor();
      await assertNoHorizontalScroll(clerk.page);
      await shot(clerk.page, 'phone-360', '01-register-form');
      await done(clerk);
    } finally {
      await clerk.context.close();
    }

    const session = await signIn(users.specialist, phone, '/incoming/all');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/incoming/all`);
      const card = page.getByTestId('incoming-card').filter({ hasText: reference });
      await card.waitFor();
      assert.equal(await page.getByTestId('incoming-table').count(), 0, 'cards, not a table');
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '02-list');
      await card.click();
      await page.waitForURL(`${baseUrl}/incoming/${documentId}`);
      await expectState(page, 'completed');
      await page.getByTestId('pdf-open').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '03-document');
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('home-incoming-counts').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '04-home');
      await done(session);
    } finally {
      await session.context.close();
    }
  });
});
