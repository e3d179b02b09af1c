/**
 * Issue 8 journey through the built web app on the real server (demo city): a specialist opens a
 * work record, adds the incoming document he completed, closes the record and exports it; the
 * director gives a task to a unit, whose head splits it and reports progress on the sub-task,
 * which rolls up to the task; the director's dashboard shows the figures; the clerk adds a public
 * entry to the weekly schedule and publishes the week, and it appears on the agency's public page
 * without signing in. Screenshots go to test-results/e2e/ (prefix `work-`).
 *
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/work.e2e.ts   # against a running server
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium } from './browser.js';
import {
  api as call,
  apiLogin,
  desktop,
  done,
  pick,
  shot,
  signIn,
  todayIso,
} from './outgoing-kit.js';

const users = {
  clerk: 'vanthu.snv',
  director: 'giamdoc.snv',
  head: 'truongphong.snv',
  specialist: 'chuyenvien.snv',
} as const;

const stamp = Date.now() % 100000;
const reference = `${String(stamp)}/UBND-VP`;
const incomingSubject = `Đề nghị báo cáo công tác cải cách hành chính (kiểm thử ${String(stamp)})`;
const recordTitle = `Hồ sơ cải cách hành chính năm 2026 (kiểm thử ${String(stamp)})`;
const taskTitle = `Rà soát thủ tục hành chính cấp sở (kiểm thử ${String(stamp)})`;
const subtaskTitle = `Tổng hợp số liệu thủ tục của phòng (kiểm thử ${String(stamp)})`;
const eventContent = `Họp giao ban công tác cải cách hành chính (kiểm thử ${String(stamp)})`;

let browser: Browser | undefined;
let agencyCode = '';
let directorName = '';
let headName = '';

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

interface Assignment {
  id: string;
  active: boolean;
  user: { id: string } | null;
}

/** An incoming document the specialist handled and completed; the agency publishes its schedule. */
async function prepare(): Promise<void> {
  const clerk = await apiLogin(users.clerk);
  const director = await apiLogin(users.director);
  const specialist = await apiLogin(users.specialist);
  agencyCode = clerk.me.agency.code;
  directorName = director.me.user.fullName;
  headName = (await apiLogin(users.head)).me.user.fullName;
  const incoming = await call<{ id: string }>(clerk, 'POST', '/api/incoming', {
    sender: { agencyCode: '000.00.51.H26' },
    reference,
    issueDate: todayIso(),
    docType: 'official_letter',
    subject: incomingSubject,
    submitTo: { userId: director.me.user.id },
  });
  await call(director, 'POST', `/api/incoming/${incoming.id}/direct`, {
    direction: 'Giao chuyên viên tổng hợp, báo cáo.',
    lead: { userId: specialist.me.user.id },
  });
  const detail = await call<{ assignments: Assignment[] }>(
    specialist,
    'GET',
    `/api/incoming/${incoming.id}`,
  );
  const mine = detail.assignments.find(
    (assignment) => assignment.active && assignment.user?.id === specialist.me.user.id,
  );
  assert.ok(mine, 'the specialist has an assignment');
  await call(specialist, 'POST', `/api/incoming/${incoming.id}/assignments/${mine.id}/complete`, {
    result: 'Đã tổng hợp và báo cáo.',
  });
  await call(director, 'PUT', '/api/publication/settings', {
    showTasks: true,
    showSchedule: true,
    showOnTimeRates: true,
  });
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  await prepare();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

void describe('work records, tasks, dashboards, schedule and public page', () => {
  void test('a record is opened, gets a completed incoming document, is closed and exported', async () => {
    const session = await signIn(launched(), users.specialist, desktop, '/work-records');
    const { page } = session;
    try {
      await page.getByTestId('records-open').click();
      const dialog = page.getByTestId('record-open-dialog');
      const adHoc = dialog.getByTestId('record-open-mode');
      if ((await adHoc.count()) > 0) await adHoc.getByText('Hồ sơ ngoài danh mục').click();
      await dialog.getByTestId('record-title').fill(recordTitle);
      await dialog.getByTestId('record-notation').fill(`KT-${String(stamp)}`);
      await dialog.getByTestId('dialog-submit').click();
      await page.waitForURL(/\/work-records\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: recordTitle }).waitFor();

      await page.getByTestId('record-add').click();
      const add = page.getByTestId('record-add-dialog');
      await add.getByTestId('record-add-search').fill(String(stamp));
      const candidate = add.getByTestId('record-candidate').filter({ hasText: incomingSubject });
      await candidate.getByTestId('record-candidate-add').click();
      await candidate.getByText('Đã có trong hồ sơ').waitFor();
      await page.keyboard.press('Escape');
      await page
        .getByTestId('record-item')
        .filter({ hasText: incomingSubject })
        .getByRole('link', { name: incomingSubject })
        .waitFor();

      await page.getByTestId('record-close').click();
      await page.getByTestId('record-close-dialog').getByTestId('dialog-submit').click();
      await page.locator('[data-testid="record-state"][data-state="closed"]').first().waitFor();
      await shot(page, 'work-record-closed');

      const download = page.waitForEvent('download');
      await page.getByTestId('record-export-pdf').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /\.pdf$/);
      const xml = page.waitForEvent('download');
      await page.getByTestId('record-export-xml').click();
      assert.match((await xml).suggestedFilename(), /\.xml$/);
      await done(session);
    } catch (error) {
      await shot(page, 'work-record-failure');
      throw error;
    }
  });

  void test('a task with a sub-task: progress reported on the sub-task rolls up', async () => {
    const director = await signIn(launched(), users.director, desktop, '/tasks');
    let taskUrl: string;
    try {
      const { page } = director;
      await page.getByTestId('task-new').click();
      const form = page.getByTestId('task-form-dialog');
      await form.getByTestId('task-title').fill(taskTitle);
      await pick(page, 'task-owner-unit', /Tổ chức/);
      await pick(page, 'task-owner-user', new RegExp(headName));
      await form.getByTestId('dialog-submit').click();
      await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      await page.getByTestId('task-title-heading').filter({ hasText: taskTitle }).waitFor();
      taskUrl = page.url();
      await done(director);
    } catch (error) {
      await shot(director.page, 'work-task-failure');
      throw error;
    }

    const head = await signIn(launched(), users.head, desktop, new URL(taskUrl).pathname);
    const { page } = head;
    try {
      await page.getByTestId('task-title-heading').filter({ hasText: taskTitle }).waitFor();
      await page.getByTestId('task-action-subtask').click();
      const form = page.getByTestId('task-form-dialog');
      await form.getByTestId('task-title').fill(subtaskTitle);
      await form.getByTestId('task-owner-kind').getByText('Cá nhân').click();
      await pick(page, 'task-owner-person', new RegExp(headName));
      await form.getByTestId('dialog-submit').click();
      await form.waitFor({ state: 'detached' });
      const node = page.getByTestId('task-tree-node').filter({ hasText: subtaskTitle });
      await node.getByRole('link', { name: subtaskTitle }).click();
      await page.getByTestId('task-title-heading').filter({ hasText: subtaskTitle }).waitFor();

      await page.getByTestId('task-action-report').click();
      const report = page.getByTestId('task-report-dialog');
      await report.getByTestId('task-progress').fill('140');
      await report.getByTestId('dialog-text').fill('Đã tổng hợp được một phần số liệu.');
      await report.getByTestId('dialog-submit').click();
      await report.getByText('Tiến độ là số nguyên từ 0 đến 100.').waitFor();
      await report.getByTestId('task-progress').fill('40');
      await report.getByTestId('dialog-submit').click();
      await report.waitFor({ state: 'detached' });
      await page.getByTestId('task-report').first().waitFor();

      await page.goto(taskUrl);
      await page.getByTestId('task-title-heading').filter({ hasText: taskTitle }).waitFor();
      await page.getByTestId('task-progress-value').first().filter({ hasText: '40 %' }).waitFor();
      await shot(page, 'work-task-rolled-up');
      await done(head);
    } catch (error) {
      await shot(page, 'work-task-failure');
      throw error;
    }
  });

  void test('the dashboard shows the figures of the agency', async () => {
    const session = await signIn(launched(), users.director, desktop, '/dashboards');
    const { page } = session;
    try {
      const received = page.getByTestId('kpi-received');
      await received.waitFor();
      const value = Number((await received.innerText()).replace(/\D/g, ''));
      assert.ok(value >= 1, `received documents shown: ${String(value)}`);
      await page.getByTestId('dashboard-online-tier').first().waitFor();
      await page.getByTestId('dashboard-ranking').waitFor();
      await shot(page, 'work-dashboard');
      await done(session);
    } catch (error) {
      await shot(page, 'work-dashboard-failure');
      throw error;
    }
  });

  void test('a published public schedule entry shows on the public page without login', async () => {
    const session = await signIn(launched(), users.clerk, desktop, '/schedule');
    const { page } = session;
    try {
      await page.getByTestId('schedule-add').click();
      const form = page.getByTestId('schedule-entry-dialog');
      await form.getByTestId('schedule-start-time').fill('08:00');
      await form.getByTestId('schedule-end-time').fill('10:00');
      await form.getByTestId('schedule-content').fill(eventContent);
      await pick(page, 'schedule-leaders', new RegExp(directorName));
      await page.keyboard.press('Escape');
      await form.getByTestId('schedule-place').fill('Phòng họp tầng 3');
      await form.getByTestId('schedule-public').check();
      await form.getByTestId('dialog-submit').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('schedule-entry').filter({ hasText: eventContent }).waitFor();
      await page.getByTestId('schedule-publish').click();
      await page.getByTestId('schedule-publish-dialog').getByTestId('dialog-submit').click();
      await page.getByTestId('schedule-published-notice').waitFor();
      await page.locator('[data-testid="schedule-week-state"][data-state="published"]').waitFor();
      await shot(page, 'work-schedule');
      await done(session);
    } catch (error) {
      await shot(page, 'work-schedule-failure');
      throw error;
    }

    const context = await launched().newContext({
      viewport: desktop,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const visitor = await context.newPage();
    const errors: string[] = [];
    visitor.on('pageerror', (error) => errors.push(error.message));
    try {
      await visitor.goto(`${baseUrl}/public`);
      await visitor
        .getByRole('link', { name: /Sở Nội vụ/ })
        .first()
        .click();
      await visitor.waitForURL(`${baseUrl}/public/${agencyCode}`);
      const schedule = visitor.getByTestId('public-schedule');
      await schedule.getByText(eventContent).waitFor();
      await schedule.getByText(directorName).first().waitFor();
      await visitor.getByTestId('public-tasks').waitFor();
      await shot(visitor, 'work-public');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
