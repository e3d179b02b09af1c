/**
 * Outgoing documents journey (b) through the built web app on the real server (demo city):
 * the specialist drafts a reply to an incoming document (PDF upload, two ward-level agencies of
 * the instance and a free-text line as recipients) and submits it to the head of her unit → the
 * head returns it with a comment → the specialist uploads a new version and submits again → the
 * head approves → the director looks at where the signature lands, then signs it from the "to
 * sign" list (batch of one) → the clerk numbers, agency-signs and issues it → the clerk of the
 * City People's Committee Office finds it in "to register". Screenshots at 1440 px go to
 * test-results/e2e/ (prefix `outgoing-`).
 *
 *   npm run test:e2e                                  # builds, starts a fresh server, runs all
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx tsx --test e2e/outgoing.e2e.ts   # against a running one
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium } from './browser.js';
import {
  api,
  apiLogin,
  desktop,
  done,
  expectOutgoingState,
  minimalPdf,
  pick,
  shot,
  signIn,
  todayIso,
} from './outgoing-kit.js';

const users = {
  specialist: 'chuyenvien.snv',
  head: 'truongphong.snv',
  director: 'giamdoc.snv',
  clerk: 'vanthu.snv',
  recipientClerk: 'vanthu.vp',
} as const;

const stamp = Date.now() % 100000;
const incomingReference = `${String(stamp)}/UBND-VP`;
const subject = `Về việc hướng dẫn tuyển dụng công chức cấp xã năm 2026 (kiểm thử ${String(stamp)})`;
const returnComment = 'Đề nghị bổ sung căn cứ pháp lý và thời hạn báo cáo.';

let browser: Browser | undefined;
const names = new Map<string, string>();
let documentId = '';

function launched(): Browser {
  assert.ok(browser, 'Chromium did not start');
  return browser;
}

function nameOf(username: string): string {
  const name = names.get(username);
  assert.ok(name, `no name for ${username}`);
  return name;
}

/** The incoming document being answered: registered by the clerk, directed to TCBC. */
async function prepareIncoming(): Promise<void> {
  const clerk = await apiLogin(users.clerk);
  const director = await apiLogin(users.director);
  const specialist = await apiLogin(users.specialist);
  const unit = specialist.me.units.find((u) => u.code === 'TCBC');
  assert.ok(unit, 'the specialist belongs to TCBC');
  const incoming = await api<{ id: string }>(clerk, 'POST', '/api/incoming', {
    sender: { agencyCode: '000.00.51.H26' },
    reference: incomingReference,
    issueDate: todayIso(),
    docType: 'official_letter',
    subject: 'Đề nghị hướng dẫn tuyển dụng công chức cấp xã',
    submitTo: { userId: director.me.user.id },
  });
  await api(director, 'POST', `/api/incoming/${incoming.id}/direct`, {
    direction: 'Giao Phòng Tổ chức biên chế tham mưu văn bản trả lời.',
    lead: { unitId: unit.id },
  });
}

before(async () => {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
  assert.ok(health?.ok, `No server at ${baseUrl}: start it first (npm start)`);
  for (const username of Object.values(users)) {
    names.set(username, (await apiLogin(username)).me.user.fullName);
  }
  await prepareIncoming();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function openFromList(page: Page, view: string): Promise<void> {
  await page.waitForURL(`${baseUrl}/outgoing/${view}`);
  const row = page.getByTestId('outgoing-row').filter({ hasText: subject });
  await row.getByRole('link', { name: subject }).click();
  await page.waitForURL(`${baseUrl}/outgoing/${documentId}`);
}

async function submitForReview(page: Page, screenshot?: string): Promise<void> {
  await page.getByTestId('outgoing-action-submit').click();
  const dialog = page.getByTestId('submit-dialog');
  // Step 1 is the head of the drafter's unit; the signer closes the chain without reviewing.
  const step = dialog.getByTestId('review-step');
  await step.getByText(nameOf(users.head)).waitFor();
  assert.equal(await step.count(), 1);
  await dialog.getByTestId('signer-step').getByText(nameOf(users.director)).waitFor();
  if (screenshot) await shot(page, screenshot);
  await dialog.getByTestId('dialog-submit').click();
  await dialog.getByTestId('review-steps').waitFor({ state: 'detached' });
  await expectOutgoingState(page, 'in_review');
}

void describe('outgoing documents journey', () => {
  void test('the specialist drafts a reply with a PDF and submits it to her unit head', async () => {
    const session = await signIn(launched(), users.specialist, desktop, '/outgoing');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/outgoing/drafts`);
      await page.getByTestId('outgoing-new').click();
      await page.getByRole('heading', { name: 'Soạn dự thảo văn bản đi', level: 1 }).waitFor();
      // Sent empty: messages at the fields, nothing created.
      await page.getByTestId('draft-submit').click();
      await page.getByText('Vui lòng tải lên văn bản chính (PDF).').waitFor();
      assert.equal(await page.getByText('Vui lòng nhập thông tin này.').count(), 3);
      assert.match(page.url(), /\/outgoing\/new$/);

      await page.getByTestId('file-input').setInputFiles({
        name: 'cong-van-tra-loi.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Du thao cong van tra loi'),
      });
      await page.locator('[data-testid="upload-item"][data-status="done"]').waitFor();
      await pick(page, 'doc-type-select', 'Công văn');
      await page.getByTestId('subject-input').fill(subject);
      await pick(page, 'urgency-select', /^Khẩn$/);
      await pick(page, 'signer-select', new RegExp(nameOf(users.director)));

      // Recipients from the directory (inside the instance), plus a line for the paper copy.
      const agencyInput = page.getByTestId('recipient-agency-input');
      await agencyInput.fill('Văn phòng Ủy ban');
      await page
        .getByRole('option', { name: /Văn phòng Ủy ban nhân dân thành phố Hà Nội/ })
        .click();
      await agencyInput.fill('Hoàn Kiếm');
      await page.getByRole('option', { name: /phường Hoàn Kiếm/ }).click();
      assert.equal(await page.getByTestId('recipient-agency').count(), 2);
      await page.getByTestId('recipient-text').fill('Lưu: VT, TCBC.');
      await page.getByTestId('recipient-count').getByText('3').waitFor();

      // The incoming document it answers.
      await page.getByTestId('answers-input').fill(incomingReference);
      await page.getByRole('option', { name: new RegExp(incomingReference) }).click();
      await page.getByTestId('answer-item').getByText(incomingReference).waitFor();
      await shot(page, 'outgoing-desktop-1440-01-draft-form');

      await page.getByTestId('draft-submit').click();
      await page.waitForURL(/\/outgoing\/[0-9a-f-]{36}$/);
      documentId = page.url().split('/').at(-1) ?? '';
      await page.getByTestId('created-notice').waitFor();
      await expectOutgoingState(page, 'draft');
      assert.equal(await page.getByTestId('outgoing-subject').textContent(), subject);
      await page.getByTestId('outgoing-pdf-preview').waitFor();
      await page.getByTestId('outgoing-meta-answers').getByText(incomingReference).waitFor();
      assert.equal(await page.getByTestId('recipient-row').count(), 3);
      await shot(page, 'outgoing-desktop-1440-02-draft');

      await submitForReview(page, 'outgoing-desktop-1440-03-submit-dialog');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the unit head returns it with a comment', async () => {
    assert.ok(documentId, 'drafted in the previous step');
    const session = await signIn(launched(), users.head);
    const { page } = session;
    try {
      const count = page.getByTestId('home-outgoing-to-review');
      await count
        .getByText(/^[1-9]/)
        .first()
        .waitFor();
      await shot(page, 'outgoing-desktop-1440-04-home-unit-head');
      await count.click();
      await openFromList(page, 'to-review');
      await page.getByTestId('outgoing-action-return').click();
      const dialog = page.getByTestId('return-dialog');
      await dialog.getByTestId('dialog-submit').click();
      await dialog.getByText('Vui lòng nhập thông tin này.').waitFor(); // the comment is required
      await dialog.getByTestId('dialog-text').fill(returnComment);
      await dialog.getByTestId('dialog-submit').click();
      await dialog.getByTestId('dialog-text').waitFor({ state: 'detached' });
      await expectOutgoingState(page, 'returned');
      await page.getByTestId('review-comment').getByText(returnComment).waitFor();
      await shot(page, 'outgoing-desktop-1440-05-returned');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the specialist uploads a new version and submits again', async () => {
    const session = await signIn(launched(), users.specialist, desktop, `/outgoing/${documentId}`);
    const { page } = session;
    try {
      await expectOutgoingState(page, 'returned');
      await page.getByTestId('review-comment').getByText(returnComment).waitFor();

      // The metadata is edited in the draft form; the subject stays, the urgency goes up.
      await page.getByTestId('outgoing-action-edit').click();
      await page.waitForURL(`${baseUrl}/outgoing/${documentId}/edit`);
      assert.equal(await page.getByTestId('subject-input').inputValue(), subject);
      assert.equal(await page.getByTestId('recipient-agency').count(), 2);
      await pick(page, 'urgency-select', 'Thượng khẩn');
      await page.getByTestId('draft-submit').click();
      await page.waitForURL(`${baseUrl}/outgoing/${documentId}`);
      await page.getByTestId('urgency-badge').getByText('Thượng khẩn').waitFor();

      await page.getByTestId('outgoing-action-new_version').click();
      const dialog = page.getByTestId('new-version-dialog');
      await dialog.getByTestId('file-input').setInputFiles({
        name: 'cong-van-tra-loi-v2.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Du thao cong van tra loi - ban sua'),
      });
      await dialog.locator('[data-testid="upload-item"][data-status="done"]').waitFor();
      await dialog.getByTestId('version-note').fill('Đã bổ sung căn cứ pháp lý và thời hạn.');
      await shot(page, 'outgoing-desktop-1440-06-new-version');
      await dialog.getByTestId('dialog-submit').click();
      await dialog.getByTestId('version-note').waitFor({ state: 'detached' });
      await page.locator('[data-testid="version"][data-version="2"]').waitFor();
      assert.equal(await page.getByTestId('version').count(), 2);

      await submitForReview(page);
      await shot(page, 'outgoing-desktop-1440-07-resubmitted');
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the unit head approves', async () => {
    const session = await signIn(launched(), users.head, desktop, `/outgoing/${documentId}`);
    const { page } = session;
    try {
      await expectOutgoingState(page, 'in_review');
      await page.getByTestId('outgoing-action-approve').click();
      const dialog = page.getByTestId('approve-dialog');
      await dialog.getByTestId('dialog-text').fill('Đồng ý, trình Giám đốc ký.');
      await dialog.getByTestId('dialog-submit').click();
      await dialog.getByTestId('dialog-text').waitFor({ state: 'detached' });
      await expectOutgoingState(page, 'approved');
      await page.locator('[data-testid="review-entry"][data-state="approved"]').waitFor();
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the director sees where the signature lands and signs from the to-sign list', async () => {
    const session = await signIn(launched(), users.director, desktop, `/outgoing/${documentId}`);
    const { page } = session;
    try {
      await expectOutgoingState(page, 'approved');
      await page.getByTestId('outgoing-action-sign').click();
      const dialog = page.getByTestId('sign-dialog');
      await dialog.getByTestId('signature-placement').waitFor();
      await dialog.getByTestId('signature-box').waitFor();
      await shot(page, 'outgoing-desktop-1440-08-sign-preview');
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await dialog.getByTestId('signature-placement').waitFor({ state: 'detached' });

      await page.goto(`${baseUrl}/outgoing`);
      await page.waitForURL(`${baseUrl}/outgoing/to-sign`);
      const row = page.getByTestId('outgoing-row').filter({ hasText: subject });
      await row.getByTestId('select-row').check();
      await page.getByTestId('batch-sign').getByText('Ký số (1)').waitFor();
      await shot(page, 'outgoing-desktop-1440-09-to-sign-list');
      await page.getByTestId('batch-sign').click();
      const batch = page.getByTestId('batch-sign-dialog');
      await batch.getByTestId('batch-confirm').click();
      await batch.getByTestId('batch-summary').getByText('Đã ký số 1/1 văn bản.').waitFor();
      await batch.locator('[data-testid="batch-item"][data-ok="true"]').waitFor();
      await shot(page, 'outgoing-desktop-1440-10-batch-signed');
      await batch.getByTestId('batch-done').click();
      await row.waitFor({ state: 'detached' });

      await page.goto(`${baseUrl}/outgoing/${documentId}`);
      await expectOutgoingState(page, 'signed');
      await page
        .locator('[data-testid="signature-verdict"][data-verdict="valid"]')
        .waitFor({ timeout: 60_000 });
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test('the clerk numbers, agency-signs and issues it', async () => {
    const session = await signIn(launched(), users.clerk, desktop, '/outgoing');
    const { page } = session;
    try {
      await openFromList(page, 'to-number');
      await page.getByTestId('outgoing-action-number').click();
      await page.getByTestId('number-dialog').getByTestId('dialog-submit').click();
      await expectOutgoingState(page, 'numbered');
      const reference = (await page.getByTestId('outgoing-meta-reference').textContent()) ?? '';
      assert.match(reference, /^\d{2,}\/SNV-TCBC$/, 'a công văn numbered in the SNV register');

      await page.getByTestId('outgoing-action-seal').click();
      await page.getByTestId('seal-dialog').getByTestId('dialog-submit').click();
      await expectOutgoingState(page, 'sealed');
      // The new PDF is verified in the background; the page shows both signatures once done.
      const valid = page.locator('[data-testid="signature-verdict"][data-verdict="valid"]');
      await valid.nth(1).waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('signature').count(), 2, 'personal and agency signature');
      await shot(page, 'outgoing-desktop-1440-11-sealed');

      await page.getByTestId('outgoing-action-issue').click();
      const dialog = page.getByTestId('issue-dialog');
      await dialog.getByText('Nơi nhận trong hệ thống (nhận ngay): 2').waitFor();
      await dialog.getByTestId('dialog-submit').click();
      await expectOutgoingState(page, 'issued');
      const delivered = page.locator('[data-testid="recipient-row"][data-status="delivered"]');
      await delivered.first().waitFor();
      assert.equal(await delivered.count(), 2, 'both agencies received it at once');
      await shot(page, 'outgoing-desktop-1440-12-issued');

      // Search in the lists (number, notation or subject), kept in the address.
      await page.goto(`${baseUrl}/outgoing/issued`);
      await page.getByTestId('outgoing-search').fill(String(stamp));
      await page.waitForURL(new RegExp(`q=${String(stamp)}`));
      await page.getByTestId('outgoing-row').filter({ hasText: subject }).waitFor();
      assert.equal(await page.getByTestId('outgoing-row').count(), 1);
      await done(session);
    } finally {
      await session.context.close();
    }
  });

  void test("the Office's clerk finds it in to register", async () => {
    const session = await signIn(launched(), users.recipientClerk, desktop, '/incoming');
    const { page } = session;
    try {
      await page.waitForURL(`${baseUrl}/incoming/to-register`);
      const row = page.getByTestId('incoming-row').filter({ hasText: subject });
      await row.waitFor();
      await row.getByText(/\/SNV-TCBC/).waitFor();
      await shot(page, 'outgoing-desktop-1440-13-recipient-to-register');
      await done(session);
    } finally {
      await session.context.close();
    }
  });
});
