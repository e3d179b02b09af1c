/**
 * Settings journey through the built web app on the real server (demo city, ward Phúc Hòa Kiếm
 * so that the other journeys' agency is left alone): a specialist chooses how she is notified
 * (e-mail when the server sends e-mail, quiet hours at night with urgent documents let through);
 * the ward's clerk changes the reminder rules from the user menu; the ward's chairwoman decides
 * what the public page shows and the public page follows; the city administrator changes a
 * dashboard target, which a department administrator may not. Screenshots: test-results/e2e/settings-*.
 *
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/settings.e2e.ts   # against a running server
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type {
  DashboardTargets,
  NotificationPreferences,
  PublicationSettings,
  ReminderSettings,
} from '@vanban/contracts';
import { baseUrl, launchChromium } from './browser.js';
import { api as call, apiLogin, desktop, done, shot, signIn } from './outgoing-kit.js';

const users = {
  specialist: 'chuyenvien.phk',
  clerk: 'vanthu.phk',
  leader: 'chutich.phk',
  cityAdmin: 'admin',
  departmentAdmin: 'quantri.snv',
} as const;

let browser: Browser | undefined;

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

void describe('notification preferences, reminder rules, publication and targets', () => {
  void test('a specialist chooses her channels and quiet hours', async () => {
    const api = await apiLogin(users.specialist);
    // Start from a known state: e-mail off, no quiet hours.
    const start = await call<NotificationPreferences>(
      api,
      'PUT',
      '/api/account/notification-preferences',
      { email: false, sms: false, quietHours: null, urgentBreaksQuietHours: true },
    );
    assert.ok(start.emailAddress, 'demo users have an e-mail address');
    const session = await signIn(launched(), users.specialist, desktop, '/');
    const { page } = session;
    try {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('notification-settings-link').click();
      await page.waitForURL(`${baseUrl}/account/notifications`);
      await page.getByRole('heading', { name: 'Nhận thông báo', level: 1 }).waitFor();
      // No phone number on the account (nor, by default, an SMS gateway): SMS cannot be turned
      // on, and the page says why.
      assert.ok(await page.getByTestId('prefs-sms').isDisabled(), 'SMS is not offered');
      if (start.available.email) {
        await page.getByText(`Gửi tới ${start.emailAddress}`).waitFor();
        await page.getByTestId('prefs-email').check();
      } else {
        await page.getByText('Máy chủ chưa được cấu hình gửi e-mail (SMTP).').waitFor();
        assert.ok(await page.getByTestId('prefs-email').isDisabled(), 'e-mail is not offered');
      }

      await page.getByTestId('prefs-quiet').check();
      await page.getByTestId('prefs-quiet-start').fill('22:00');
      await page.getByTestId('prefs-quiet-end').fill('22:00');
      await page.getByText('Giờ bắt đầu và kết thúc không được trùng nhau.').waitFor();
      assert.ok(await page.getByTestId('prefs-save').isDisabled(), 'equal times are not sent');
      await page.getByTestId('prefs-quiet-end').fill('06:30');
      await page.getByText('Kéo sang sáng hôm sau.').waitFor();
      await page.getByTestId('prefs-urgent').uncheck();
      await page.getByTestId('prefs-save').click();
      await page.getByTestId('prefs-saved').waitFor();
      await shot(page, 'settings-01-notifications');

      const saved = await call<NotificationPreferences>(
        api,
        'GET',
        '/api/account/notification-preferences',
      );
      assert.equal(saved.email, start.available.email);
      assert.deepEqual(saved.quietHours, { start: '22:00', end: '06:30' });
      assert.equal(saved.urgentBreaksQuietHours, false);

      await page.reload();
      assert.equal(await page.getByTestId('prefs-quiet-start').inputValue(), '22:00');
      assert.equal(await page.getByTestId('prefs-urgent').isChecked(), false);
      await done(session);
    } catch (error) {
      await shot(page, 'settings-notifications-failure');
      throw error;
    }
  });

  void test("the ward's clerk changes the reminder rules", async () => {
    const api = await apiLogin(users.clerk);
    await call<ReminderSettings>(api, 'PUT', '/api/reminder-settings', {
      offsets: [3, 1],
      onDueDay: true,
      dailyOverdue: true,
      escalateAfterDays: 1,
      remindAt: '08:00',
    });
    const session = await signIn(launched(), users.clerk, desktop, '/');
    const { page } = session;
    try {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('agency-settings-link').click();
      await page.waitForURL(`${baseUrl}/admin/reminders`);
      await page.getByRole('heading', { name: 'Cài đặt nhắc việc', level: 1 }).waitFor();
      const chips = page.getByTestId('reminders-offset');
      await chips.nth(1).waitFor();
      assert.deepEqual(await chips.allInnerTexts(), ['3 ngày trước hạn', '1 ngày trước hạn']);

      const input = page.getByTestId('reminders-offset-input');
      await input.fill('3');
      await page.getByText('Mốc này đã có.').waitFor();
      assert.ok(await page.getByTestId('reminders-offset-add').isDisabled());
      await input.fill('5');
      await page.getByTestId('reminders-offset-add').click();
      await page.getByTestId('reminders-offset-remove-1').click();
      assert.deepEqual(await chips.allInnerTexts(), ['5 ngày trước hạn', '3 ngày trước hạn']);
      await page.getByTestId('reminders-daily-overdue').uncheck();
      await page.getByTestId('reminders-escalate-days').fill('2');
      await page.getByTestId('reminders-time').fill('07:30');
      await page.getByTestId('reminders-save').click();
      await page.getByTestId('reminders-saved').waitFor();
      await shot(page, 'settings-02-reminders');

      const saved = await call<ReminderSettings>(api, 'GET', '/api/reminder-settings');
      assert.equal(saved.configured, true);
      assert.deepEqual(saved.offsets, [5, 3]);
      assert.equal(saved.onDueDay, true);
      assert.equal(saved.dailyOverdue, false);
      assert.equal(saved.escalateAfterDays, 2);
      assert.equal(saved.remindAt, '07:30');
      await done(session);
    } catch (error) {
      await shot(page, 'settings-reminders-failure');
      throw error;
    }
  });

  void test("the ward's chairwoman decides what the public page shows", async () => {
    const api = await apiLogin(users.leader);
    const code = api.me.agency.code;
    await call<PublicationSettings>(api, 'PUT', '/api/publication/settings', {
      showTasks: false,
      showSchedule: false,
      showOnTimeRates: false,
    });
    const session = await signIn(launched(), users.leader, desktop, '/admin/publication');
    const { page } = session;
    try {
      await page
        .getByRole('heading', { name: 'Nội dung công khai của cơ quan', level: 1 })
        .waitFor();
      const link = page.getByTestId('publication-public-link');
      assert.equal(await link.getAttribute('href'), `/public/${code}`);
      await page.getByTestId('publication-showTasks').check();
      await page.getByTestId('publication-showOnTimeRates').check();
      await page.getByTestId('publication-save').click();
      await page.getByTestId('publication-saved').waitFor();
      await shot(page, 'settings-03-publication');
      const saved = await call<PublicationSettings>(api, 'GET', '/api/publication/settings');
      assert.deepEqual(
        [saved.showTasks, saved.showSchedule, saved.showOnTimeRates],
        [true, false, true],
      );
      await done(session);
    } catch (error) {
      await shot(page, 'settings-publication-failure');
      throw error;
    }

    const visitorContext = await launched().newContext({ viewport: desktop, locale: 'vi-VN' });
    const visitor = await visitorContext.newPage();
    try {
      await visitor.goto(`${baseUrl}/public/${code}`);
      await visitor.getByTestId('public-tasks').waitFor();
      await visitor.getByTestId('public-on-time').waitFor();
      assert.equal(await visitor.getByTestId('public-schedule').count(), 0, 'no schedule');
    } finally {
      await visitorContext.close();
    }
  });

  void test('the city administrator sets a target; a department administrator may not', async () => {
    const api = await apiLogin(users.cityAdmin);
    const before = await call<DashboardTargets>(api, 'GET', '/api/dashboards/targets');
    const commune = before.targets.commune === 65 ? 70 : 65;
    const session = await signIn(launched(), users.cityAdmin, desktop, '/dashboards');
    const { page } = session;
    try {
      await page.getByTestId('dashboard-targets-link').click();
      await page.waitForURL(`${baseUrl}/admin/targets`);
      await page.getByRole('heading', { name: 'Chỉ tiêu hồ sơ xử lý trực tuyến' }).waitFor();
      await page.getByTestId('targets-commune').fill(String(commune));
      await page.getByTestId('targets-save').click();
      await page.getByTestId('targets-saved').waitFor();
      await shot(page, 'settings-04-targets');
      const saved = await call<DashboardTargets>(api, 'GET', '/api/dashboards/targets');
      assert.equal(saved.targets.commune, commune);
      assert.equal(saved.sources.commune, 'configured');
      assert.equal(saved.targets.city, before.targets.city, 'other tiers unchanged');
      await done(session);
    } catch (error) {
      await shot(page, 'settings-targets-failure');
      throw error;
    } finally {
      await call(api, 'PUT', '/api/dashboards/targets', {
        targets: { commune: before.targets.commune },
      });
    }

    const department = await signIn(launched(), users.departmentAdmin, desktop, '/admin/targets');
    try {
      await department.page.getByTestId('targets-commune').fill('50');
      await department.page.getByTestId('targets-save').click();
      await department.page
        .getByTestId('targets-error')
        .getByText('Chỉ quản trị hệ thống cấp Thành phố được thay đổi chỉ tiêu.')
        .waitFor();
      assert.deepEqual(
        department.errors.filter((error) => !/status of 403/.test(error)),
        [],
        'only the refused save is logged',
      );
    } finally {
      await department.context.close();
    }
  });
});
