/**
 * Smoke journey through the built web app served by the real server:
 * login page → wrong password → sign in as the demo admin → shell with the agency name →
 * switch language → sign out. Runs at a desktop (1440 px) and a phone (360 px) width and saves
 * screenshots under test-results/e2e/.
 *
 *   npm start                                  # or any running server with the demo city
 *   npx tsx --test e2e/login.e2e.ts            # E2E_BASE_URL=http://127.0.0.1:3000 by default
 *
 * Uses playwright-core with Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * no browser is downloaded.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MeResponse } from '@vanban/contracts';
import { baseUrl, launchChromium, password, shotsDir } from './browser.js';
import type { Browser, Page } from 'playwright-core';

const username = process.env['E2E_USERNAME'] ?? 'admin';

const viewports = [
  { name: 'desktop-1440', width: 1440, height: 900, phone: false },
  { name: 'phone-360', width: 360, height: 740, phone: true },
] as const;

let browser: Browser | undefined;

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/auth/me`).catch(() => null);
  assert.ok(health, `No server at ${baseUrl}: start it first (npm start)`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function shot(page: Page, viewport: string, step: string): Promise<void> {
  await page.screenshot({ path: path.join(shotsDir, `${viewport}-${step}.png`), fullPage: true });
}

for (const viewport of viewports) {
  void describe(`login journey at ${String(viewport.width)} px`, () => {
    void test('signs in, shows the shell, switches language, signs out', async () => {
      const context = await launched().newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: 'vi-VN',
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      try {
        // A protected page sends an anonymous visitor to the login page, remembering where to go.
        await page.goto(`${baseUrl}/admin`);
        await page.waitForURL(/\/login\?next=%2Fadmin$/);
        await page.getByRole('heading', { name: 'Vanban' }).waitFor();
        await page.getByText('Hệ thống quản lý văn bản và điều hành').waitFor();
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('name') === 'username',
        );
        await shot(page, viewport.name, '01-login');

        // A wrong password gives a field message in Vietnamese (the default language).
        await page.getByLabel('Tên đăng nhập').fill(username);
        await page.getByLabel('Mật khẩu').fill(`${password}-wrong`);
        await page.getByLabel('Mật khẩu').press('Enter');
        await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
        await page.locator('button[type="submit"]:not([data-loading])').waitFor();
        await page.waitForTimeout(250); // the button's loader fades out
        await shot(page, viewport.name, '02-login-error');

        // Sign in with the keyboard; we come back to the page we asked for.
        await page.getByLabel('Mật khẩu').fill(password);
        await page.getByLabel('Mật khẩu').press('Enter');
        // `/admin` opens the administrator's first section, the agency directory.
        await page.waitForURL(`${baseUrl}/admin/agencies`);
        await page.getByRole('heading', { name: 'Danh mục cơ quan', level: 1 }).waitFor();

        // The shell shows who is signed in and for which agency.
        const me = await page.evaluate(async () => {
          const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
          return (await response.json()) as MeResponse;
        });
        if (viewport.phone) {
          await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
          await page.getByTestId('navbar-agency-name').getByText(me.agency.name).waitFor();
          await page.waitForTimeout(300); // let the navbar finish sliding in
          await shot(page, viewport.name, '03-navigation');
          await page.getByTestId('nav-home').click();
        } else {
          assert.equal(
            (await page.getByTestId('header-agency-name').textContent())?.trim(),
            me.agency.name,
          );
          assert.equal(
            (await page.getByTestId('header-user-name').textContent())?.trim(),
            me.user.fullName,
          );
          await shot(page, viewport.name, '03-admin-module');
          await page.getByTestId('nav-home').click();
        }
        await page.waitForURL(`${baseUrl}/`);
        await page.getByTestId('home-agency-name').getByText(me.agency.name).waitFor();
        await page.getByText(`Xin chào, ${me.user.fullName}`).waitFor();
        await page.waitForTimeout(300); // the phone navbar finishes sliding out
        await shot(page, viewport.name, '04-home-vi');

        // Switch to English; the choice survives a reload.
        await page.getByText('EN', { exact: true }).click();
        await page.getByText(`Hello, ${me.user.fullName}`).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        await page.reload();
        await page.getByText(`Hello, ${me.user.fullName}`).waitFor();
        await shot(page, viewport.name, '05-home-en');

        // Sign out (POST /api/auth/logout with the CSRF header).
        await page.getByTestId('user-menu').click();
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/login\?reason=signed-out$/);
        await page.getByText('You have signed out.').waitFor();
        await shot(page, viewport.name, '06-signed-out');

        // The session is gone on the server too.
        await page.goto(`${baseUrl}/`);
        await page.waitForURL(/\/login$/);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();

        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  });
}
