/**
 * Journey (c): the key screens at a 360 × 740 phone — login, home, the incoming list, the
 * outgoing draft form, the director's "to sign" list (cards with checkboxes, batch signing in a
 * full-screen dialog), outgoing document pages before and after issue, the issue-8 pages (tasks,
 * work records, dashboards, weekly schedule) and the settings pages. On every screen the
 * key elements are visible, nothing sticks out sideways (`scrollWidth <= 360`) and the page logs
 * no error. Documents are prepared through the API first. Screenshots: test-results/e2e/phone-360-*.
 *
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/phone.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium, password } from './browser.js';
import {
  api,
  apiLogin,
  assertFitsWidth,
  done,
  expectOutgoingState,
  phone,
  shot,
  signIn,
} from './outgoing-kit.js';
import type { ApiSession } from './outgoing-kit.js';

const stamp = Date.now() % 100000;
const toSignSubject = `Về việc báo cáo số lượng công chức cấp xã quý IV (điện thoại ${String(stamp)})`;
const issuedSubject = `Về việc tổ chức hội nghị triển khai Luật Cán bộ, công chức (điện thoại ${String(stamp)})`;

let browser: Browser | undefined;
const ids = { toSign: '', issued: '' };

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

/** A composed draft to the City Office, sent straight to the director (no review step). */
async function approvedDraft(specialist: ApiSession, signerId: string, subject: string) {
  const { id } = await api<{ id: string }>(specialist, 'POST', '/api/outgoing', {
    docType: 'official_letter',
    subject,
    signerId,
    recipients: [{ agencyCode: '000.00.01.H26' }, { name: 'Lưu: VT, TCBC.' }],
    compose: {
      body: [
        'Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo theo đề cương gửi kèm.',
        'Văn bản báo cáo gửi về Sở Nội vụ trước ngày 15 hằng tháng.',
      ],
      authority: 'KT. GIÁM ĐỐC',
    },
  });
  await api(specialist, 'POST', `/api/outgoing/${id}/submit`, { steps: [] });
  return id;
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  const specialist = await apiLogin('chuyenvien.snv');
  const director = await apiLogin('giamdoc.snv');
  const clerk = await apiLogin('vanthu.snv');
  ids.toSign = await approvedDraft(specialist, director.me.user.id, toSignSubject);
  ids.issued = await approvedDraft(specialist, director.me.user.id, issuedSubject);
  await api(director, 'POST', '/api/outgoing/sign-batch', { ids: [ids.issued] });
  for (const step of ['number', 'seal', 'issue']) {
    await api(clerk, 'POST', `/api/outgoing/${ids.issued}/${step}`, {});
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

void describe('key screens at 360 px', () => {
  void test('login and home', async () => {
    const context = await launched().newContext({ viewport: phone, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByRole('heading', { name: 'Vanban' }).waitFor();
      await page.getByLabel('Tên đăng nhập').waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-01-login');
      await page.getByLabel('Tên đăng nhập').fill('giamdoc.snv');
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByLabel('Mật khẩu').press('Enter');
      await page.waitForURL(`${baseUrl}/`);
      await page.getByTestId('home-incoming-counts').waitFor();
      await page
        .getByTestId('home-outgoing-to-sign')
        .getByText(/^[1-9]/)
        .first()
        .waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-02-home');
      assert.deepEqual(errors, [], 'no uncaught errors');
    } finally {
      await context.close();
    }
  });

  void test('incoming list', async () => {
    const session = await signIn(launched(), 'vanthu.vp', phone, '/incoming/to-register');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/incoming/to-register`);
      await page.getByTestId('incoming-card').filter({ hasText: issuedSubject }).waitFor();
      assert.equal(await page.getByTestId('incoming-table').count(), 0, 'cards, not a table');
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-03-incoming-list');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('draft form', async () => {
    const session = await signIn(launched(), 'chuyenvien.snv', phone, '/outgoing/new');
    const { page } = session;
    try {
      await page.getByRole('heading', { name: 'Soạn dự thảo văn bản đi', level: 1 }).waitFor();
      await page.getByTestId('content-mode').getByText('Soạn nội dung').click();
      await page.getByTestId('compose-body').waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-04-draft-form');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('to-sign list and outgoing document pages', async () => {
    const session = await signIn(launched(), 'giamdoc.snv', phone, '/outgoing');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/outgoing/to-sign`);
      const card = page.getByTestId('outgoing-card').filter({ hasText: toSignSubject });
      await card.waitFor();
      assert.equal(await page.getByTestId('outgoing-table').count(), 0, 'cards, not a table');
      await card.getByTestId('select-row').check();
      await page.getByTestId('batch-sign').getByText('Ký số (1)').waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-05-to-sign-list');
      await page.getByTestId('batch-sign').click();
      await page.getByTestId('batch-confirm').waitFor();
      await shot(page, 'phone-360-06-batch-sign-dialog');
      await page.getByRole('button', { name: 'Hủy' }).click();
      await page.getByTestId('batch-confirm').waitFor({ state: 'detached' });

      await card.getByRole('link', { name: toSignSubject }).click();
      await page.waitForURL(`${baseUrl}/outgoing/${ids.toSign}`);
      await expectOutgoingState(page, 'approved');
      await page.getByTestId('outgoing-action-sign').waitFor();
      await page.getByTestId('outgoing-pdf-open').waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-07-document-to-sign');

      await page.goto(`${baseUrl}/outgoing/${ids.issued}`);
      await expectOutgoingState(page, 'issued');
      await page
        .locator('[data-testid="signature-verdict"][data-verdict="valid"]')
        .nth(1)
        .waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="recipient-row"][data-status="delivered"]').waitFor();
      await assertFitsWidth(page, phone.width);
      await shot(page, 'phone-360-08-document-issued');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('work pages and settings', async () => {
    const session = await signIn(launched(), 'giamdoc.snv', phone, '/tasks');
    const { page } = session;
    const screens: [path: string, heading: string, name: string][] = [
      ['/tasks', 'Nhiệm vụ', 'tasks'],
      ['/work-records', 'Hồ sơ công việc', 'work-records'],
      ['/dashboards', 'Thống kê, báo cáo', 'dashboards'],
      ['/schedule', 'Lịch công tác tuần', 'schedule'],
      ['/account/notifications', 'Nhận thông báo', 'notification-settings'],
      ['/admin/reminders', 'Cài đặt nhắc việc', 'reminder-settings'],
      ['/admin/publication', 'Nội dung công khai của cơ quan', 'publication-settings'],
    ];
    try {
      for (const [index, [route, heading, name]] of screens.entries()) {
        if (index > 0) await page.goto(`${baseUrl}${route}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        // Wait for the data, not only the frame: no loader left on the page.
        await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
        if (route === '/dashboards') await page.getByTestId('kpi-received').waitFor();
        await assertFitsWidth(page, phone.width);
        await shot(page, `phone-360-${String(index + 9).padStart(2, '0')}-${name}`);
      }
      await done(session);
    } finally {
      await session.context.close();
    }
  });
});
