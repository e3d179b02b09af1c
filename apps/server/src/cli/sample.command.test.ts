import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { makeSampleIssuedPdf } from '../modules/outgoing/outgoing.sample.js';
import {
  makeTrustStore,
  pdfsig,
  pdfToolsSkipMessage,
  skipPdfTools,
} from '../platform/signing/testing/pdf-tools.js';
import { registerSampleCommands } from './sample.command.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-sample-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The CLI's program as main.ts builds it: commander errors are thrown, not exited on. */
function program(): Command {
  const root = new Command('vanban')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerSampleCommands(root);
  return root;
}

describe('vanban sample issued-pdf', () => {
  it('makes a decision signed by the chairman, numbered and sealed: two valid signatures', async () => {
    const sample = await makeSampleIssuedPdf({ number: 7 });
    expect(sample.reference).toBe('07/QĐ-UBND');
    expect(
      sample.checks.map((c) => [c.signer?.commonName, c.intact, c.pades, c.trusted, c.problems]),
    ).toEqual([
      ['Nguyễn Văn An', true, true, true, []],
      ['Ủy ban nhân dân thành phố Hà Nội', true, true, true, []],
    ]);
    if (skipPdfTools) return console.warn(pdfToolsSkipMessage);
    const file = path.join(dir, 'sample.pdf');
    fs.writeFileSync(file, sample.pdf);
    const report = pdfsig(file, makeTrustStore(dir, sample.caCertificatePem));
    expect(
      report.map((s) => [s.fieldName, s.signatureValidation, s.certificateValidation]),
    ).toEqual([
      ['Signature1', 'Signature is Valid.', 'Certificate is Trusted.'],
      ['Signature2', 'Signature is Valid.', 'Certificate is Trusted.'],
    ]);
  });

  it('writes the PDF and prints the path, the reference and the signatures', async () => {
    const out = path.join(dir, 'cli.pdf');
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    await program().parseAsync(['sample', 'issued-pdf', '--out', out], { from: 'user' });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = printed.join('');
    expect(text).toContain(`Wrote ${out}`);
    expect(text).toContain('Reference: 15/QĐ-UBND');
    expect(text).toMatch(/Signature1: Nguyễn Văn An, .*intact=true/);
    expect(text).toMatch(/Signature2: Ủy ban nhân dân thành phố Hà Nội, .*intact=true/);
  });

  it('refuses to run without --out (a usage error: main.ts exits 2)', async () => {
    const attempt = program().parseAsync(['sample', 'issued-pdf'], { from: 'user' });
    await expect(attempt).rejects.toBeInstanceOf(CommanderError);
    await expect(attempt).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  });
});
