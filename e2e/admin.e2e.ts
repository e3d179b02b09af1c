/**
 * Administration journey through the built web app served by the real server (demo city): the
 * city administrator opens the agency tree (closed districts with their successors, the
 * directory as of an earlier date, search), adds a unit to a department, dry-runs a directory
 * CSV with one bad row and sees that row's error, fixes it and imports, creates a user with a
 * role (double clicks create one unit, one import, one account), and looks at the certificates
 * (the demo ones once the signing API is there), registers and working calendar; a clerk
 * downloads both registers. The key screens are checked again at 360 px. Screenshots go to
 * test-results/e2e/ (prefix `admin-`); the pages may log no errors.
 *
 *   npm run test:e2e                                              # builds, starts a fresh server, runs all
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/admin.e2e.ts   # against a running one
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchChromium, password, shotsDir } from './browser.js';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

const desktop = { width: 1440, height: 900 };
const phone = { width: 360, height: 740 };
const stamp = String(Date.now() % 100000).padStart(5, '0');

let browser: Browser | undefined;
/** Whether the server has the signing API (`GET /api/certificates`) yet. */
let certificatesApi = false;

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  assert.equal(login.status, 200, 'cannot sign in as admin');
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const certificates = await fetch(`${baseUrl}/api/certificates`, { headers: { cookie } });
  certificatesApi = certificates.status === 200;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * Signs in through the login page. Uncaught exceptions and console errors are collected, except
 * Chromium's own "Failed to load resource" lines for answers the page handles (a refused dry run
 * is a 400 by design).
 */
async function signIn(username: string, viewport = desktop, next = '/'): Promise<Session> {
  assert.ok(browser, 'Chromium did not start');
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page, errors };
}

async function done(session: Session): Promise<void> {
  assert.deepEqual(session.errors, [], 'no errors in the page');
  await session.context.close();
}

async function shot(page: Page, size: 'desktop-1440' | 'phone-360', step: string): Promise<void> {
  await page.waitForTimeout(200); // let transitions settle
  await page.screenshot({ path: path.join(shotsDir, `admin-${size}-${step}.png`), fullPage: true });
}

async function assertNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 1, `the page scrolls sideways by ${String(overflow)} px`);
}

/** Picks a file through the button of a Mantine FileInput (the real file chooser). */
async function chooseFile(
  page: Page,
  testId: string,
  name: string,
  content: string,
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

/** Waits until the locator matches exactly `count` elements (lists refresh after a debounce). */
async function waitForCount(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) !== count) {
    assert.ok(Date.now() < deadline, `expected ${String(count)} of ${locator.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const node = (page: Page, code: string) =>
  page.locator(`[data-testid="agency-node"][data-code="${code}"]`).first();

/** Decision 20/2020 form (level 1 on the left), unique per run. */
const newAgencyCode = `H26.${stamp}`;
const badCsv = [
  'code,name,short_name,level,parent_code,valid_from',
  `${newAgencyCode},Trung tâm Chuyển đổi số thành phố (kiểm thử ${stamp}),TTCĐS,2,000.00.00.H26,2026-01-01`,
  'H26-SAI,Cơ quan có mã sai,,2,000.00.00.H26,2026-01-01',
].join('\n');
const goodCsv = badCsv.split('\n').slice(0, 2).join('\n');

void describe('administration journey', () => {
  void test('the admin browses the agency tree on two dates and adds a unit', async () => {
    const session = await signIn('admin', desktop, '/admin');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/admin/agencies`);
      await page.getByRole('heading', { name: 'Danh mục cơ quan', level: 1 }).waitFor();
      await node(page, '000.00.00.H26').waitFor();
      await node(page, '000.00.02.H26').getByText('Sở Nội vụ thành phố Hà Nội').waitFor();
      // The former district is closed on 1 July 2025; its successors are links.
      const district = node(page, '000.00.81.H26');
      await district.getByText('Đã giải thể từ 01/07/2025').waitFor();
      await district.getByRole('link', { name: 'Ủy ban nhân dân phường Hoàn Kiếm' }).waitFor();
      await shot(page, 'desktop-1440', '01-agency-tree');

      // The directory as of 1 January 2020: no wards yet, the district still open.
      const asOf = page.getByTestId('agency-as-of');
      await asOf.fill('01/01/2020');
      await asOf.press('Tab');
      await page.waitForURL(/asOf=2020-01-01/);
      await node(page, '000.00.81.H26').and(page.locator('[data-closed="false"]')).waitFor();
      assert.equal(await node(page, '000.00.51.H26').count(), 0, 'no ward before 2025');
      await shot(page, 'desktop-1440', '02-agency-tree-2020');

      // Search without diacritics keeps the matches and their parents.
      await page.goto(`${baseUrl}/admin/agencies`);
      await page.getByTestId('agency-search').fill('noi vu');
      await node(page, '000.00.02.H26').waitFor();
      await node(page, '000.00.03.H26').waitFor({ state: 'detached' }); // other departments hidden

      // The department's page: units, then a new one.
      await node(page, '000.00.02.H26')
        .getByRole('link', { name: 'Sở Nội vụ thành phố Hà Nội' })
        .click();
      await page.getByTestId('agency-name').getByText('Sở Nội vụ thành phố Hà Nội').waitFor();
      await page.getByTestId('units-table').getByText('Phòng Tổ chức biên chế').waitFor();
      await page.getByTestId('unit-create').click();
      await page.getByTestId('unit-code').fill(`TN${stamp}`);
      await page.getByTestId('unit-name').fill(`Phòng Thử nghiệm ${stamp}`);
      await page.getByTestId('dialog-submit').dblclick(); // a double click creates one unit
      await page.getByTestId('unit-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('units-table').getByText(`Phòng Thử nghiệm ${stamp}`).waitFor();
      assert.equal(
        await page
          .getByTestId('unit-row')
          .filter({ hasText: `TN${stamp}` })
          .count(),
        1,
        'one unit created',
      );
      await shot(page, 'desktop-1440', '03-agency-units');
    } finally {
      await done(session);
    }
  });

  void test('a dry run reports the bad row; the fixed file imports', async () => {
    const session = await signIn('admin', desktop, '/admin/import');
    const { page } = session;
    try {
      await page.getByRole('heading', { name: 'Nhập danh mục cơ quan', level: 1 }).waitFor();
      await chooseFile(page, 'import-file', 'danh-muc.csv', badCsv);
      assert.ok(await page.getByTestId('import-run').isDisabled(), 'import waits for a dry run');
      await page.getByTestId('import-dry-run').click();
      const problem = page.locator('[data-testid="import-problem"][data-row="2"]');
      await problem.waitFor();
      assert.match(await problem.innerText(), /Mã định danh/);
      assert.match(await problem.innerText(), /Mã định danh không hợp lệ\./);
      assert.equal(await page.getByTestId('import-problem').count(), 1, 'only the bad row');
      assert.ok(await page.getByTestId('import-run').isDisabled(), 'nothing to import yet');
      await shot(page, 'desktop-1440', '04-import-row-error');

      await chooseFile(page, 'import-file', 'danh-muc.csv', goodCsv);
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-dry-run-ok').waitFor();
      await page.getByTestId('import-count-created').getByText('Cơ quan mới: 1').waitFor();
      await page.getByTestId('import-run').dblclick(); // imported once: still one new agency
      await page.getByTestId('import-done').waitFor();
      await page.getByTestId('import-count-created').getByText('Cơ quan mới: 1').waitFor();
      await shot(page, 'desktop-1440', '05-import-done');

      await page.goto(`${baseUrl}/admin/agencies`);
      await node(page, newAgencyCode).waitFor();
    } finally {
      await done(session);
    }
  });

  void test('the admin creates a user with a role', async () => {
    const session = await signIn('admin', desktop, '/admin/users');
    const { page } = session;
    const username = `kiemthu.${stamp}`;
    const fullName = `Nguyễn Thị Kiểm Thử ${stamp}`;
    try {
      await page.getByTestId('user-row').first().waitFor();
      await page.getByTestId('user-create').click();
      // Server-side rules shown at the fields before anything is sent.
      await page.getByTestId('user-username').fill('Sai Ten');
      await page.getByTestId('user-password').fill('ngan');
      await page.getByTestId('dialog-submit').click();
      await page.getByText('Mật khẩu phải có ít nhất 10 ký tự.').waitFor();
      await page.getByText(/^Tên đăng nhập gồm 3–64 ký tự/).waitFor();

      await page.getByTestId('user-username').fill(username);
      await page.getByTestId('user-full-name').fill(fullName);
      await page.getByTestId('user-password').fill('Vanban@2026-kiem-thu');
      await page.getByTestId('user-role-select').click();
      await page.getByRole('option', { name: 'Chuyên viên' }).click();
      await shot(page, 'desktop-1440', '06-user-create');
      await page.getByTestId('dialog-submit').dblclick(); // a double click creates one account
      await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
      await page.getByTestId('user-name').getByText(fullName).waitFor();
      await page.locator('[data-testid="role-row"] [data-role="specialist"]').waitFor();
      await shot(page, 'desktop-1440', '07-user-page');

      // The same username again is refused at the field.
      await page.goto(`${baseUrl}/admin/users`);
      await page.getByTestId('user-search').fill(username);
      await waitForCount(page.getByTestId('user-row'), 1); // one account, despite the double click
      await page.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor();
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-username').fill(username);
      await page.getByTestId('user-full-name').fill(fullName);
      await page.getByTestId('user-password').fill('Vanban@2026-kiem-thu');
      await page.getByTestId('dialog-submit').click();
      await page.getByText('Tên đăng nhập này đã có người dùng.').waitFor();
    } finally {
      await done(session);
    }
  });

  void test('certificates, registers and the working calendar', async (t) => {
    const session = await signIn('admin', desktop, '/admin/certificates');
    const { page } = session;
    try {
      await page
        .getByRole('heading', { name: 'Chứng thư số và hình ảnh chữ ký', level: 1 })
        .waitFor();
      if (certificatesApi) {
        await page.locator('[data-testid="certificate"][data-demo="true"]').first().waitFor();
        await page.getByTestId('certificate-demo').first().waitFor();
        await page.getByTestId('certificate-expiry').first().waitFor();
      } else {
        await page.getByTestId('signatures-unavailable').first().waitFor();
        t.diagnostic(
          'GET /api/certificates is not on this server yet: demo certificates not checked',
        );
      }
      await shot(page, 'desktop-1440', '08-certificates');

      await page.getByTestId('admin-nav-registers').click();
      await page.getByRole('heading', { name: 'Sổ văn bản', level: 1 }).waitFor();
      // The city administrator keeps no register: the refusal is explained, not a blank page.
      await page.getByTestId('register-incoming-xlsx').click();
      await page
        .getByTestId('register-error')
        .getByText(/văn thư và lãnh đạo/)
        .waitFor();
      await shot(page, 'desktop-1440', '09-registers');

      await page.getByTestId('admin-nav-calendar').click();
      await page.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
      await page.getByTestId('calendar-month').first().waitFor();
      assert.equal(await page.getByTestId('calendar-month').count(), 12);
      await page.getByTestId('calendar-day').first().waitFor();
      await shot(page, 'desktop-1440', '10-calendar');
    } finally {
      await done(session);
    }
  });

  void test('a clerk downloads the incoming and outgoing registers', async () => {
    const session = await signIn('vanthu.snv', desktop, '/admin/registers');
    const { page } = session;
    try {
      await page.getByRole('heading', { name: 'Sổ văn bản', level: 1 }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByTestId('register-incoming-xlsx').click();
      const file = await download;
      assert.match(
        file.suggestedFilename(),
        /^so-van-ban-den_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      const outgoing = page.waitForEvent('download');
      await page.getByTestId('register-outgoing-pdf').click();
      assert.match((await outgoing).suggestedFilename(), /^so-van-ban-di_.*\.pdf$/);
      await shot(page, 'desktop-1440', '11-registers-clerk');
    } finally {
      await done(session);
    }
  });

  void test('the key admin screens at phone width', async () => {
    const session = await signIn('admin', phone, '/admin/agencies');
    const { page } = session;
    try {
      await node(page, '000.00.81.H26').getByText('Đã giải thể từ 01/07/2025').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '01-agency-tree');

      await page.goto(`${baseUrl}/admin/import`);
      await chooseFile(page, 'import-file', 'danh-muc.csv', badCsv);
      await page.getByTestId('import-dry-run').click();
      await page.locator('[data-testid="import-problem"][data-row="2"]').waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '02-import-row-error');

      await page.goto(`${baseUrl}/admin/users`);
      await page.getByTestId('user-row').first().waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '03-users');

      // Everyone reaches their own signing material from the account menu.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('account-link').click();
      await page.waitForURL(`${baseUrl}/account/signature`);
      await page
        .getByRole('heading', { name: 'Chứng thư số và hình ảnh chữ ký', level: 1 })
        .waitFor();
      await assertNoHorizontalScroll(page);
      await shot(page, 'phone-360', '04-account-signature');
    } finally {
      await done(session);
    }
  });
});
