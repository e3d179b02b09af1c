/** What every browser journey shares: where the server is, Debian's Chromium, screenshots. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const baseUrl = (process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const password = process.env['E2E_PASSWORD'] ?? 'Vanban@2026';
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const shotsDir = path.join(repoRoot, 'test-results', 'e2e');

/** Headless Chromium from the system (no browser download), screenshots directory ready. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(shotsDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
