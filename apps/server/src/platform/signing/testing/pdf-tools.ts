import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * pdfsig (poppler-utils, NSS underneath), qpdf and certutil (libnss3-tools): independent checks of
 * what we sign. .ci/run installs them; a developer machine without them skips those assertions.
 */
const tools = ['pdfsig', 'qpdf', 'certutil'];

export const missingPdfTools = tools.filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);

/** True when the pdfsig-based assertions are skipped: tools missing and not in CI. */
export const skipPdfTools = missingPdfTools.length > 0 && !process.env.CI;

export const pdfToolsSkipMessage =
  `Skipping pdfsig/qpdf assertions: ${missingPdfTools.join(', ')} not installed ` +
  '(apt-get install -y poppler-utils qpdf libnss3-tools). They always run in CI.';

/** An NSS database in `dir` that trusts `caPem`, as a relying party's would. */
export function makeTrustStore(dir: string, caPem: string): string {
  const db = path.join(dir, 'nssdb');
  fs.mkdirSync(db, { recursive: true });
  const ca = path.join(dir, 'ca.pem');
  fs.writeFileSync(ca, caPem);
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'demo', '-t', 'CT,C,C', '-i', ca]);
  return `sql:${db}`;
}

export interface PdfsigSignature {
  fieldName: string;
  commonName: string;
  totalDocumentSigned: boolean;
  signatureValidation: string;
  certificateValidation: string;
  signatureType: string;
  hashAlgorithm: string;
}

/** Runs pdfsig and reads back each signature's report. */
export function pdfsig(file: string, nssdir: string): PdfsigSignature[] {
  const out = spawnSync('pdfsig', ['-nssdir', nssdir, file], { encoding: 'utf8' });
  const blocks = out.stdout.split(/^Signature #\d+:$/m).slice(1);
  return blocks.map((block) => {
    const field = (label: string) =>
      block.match(new RegExp(`^\\s*- ${label}: (.*)$`, 'm'))?.[1]?.trim() ?? '';
    return {
      fieldName: field('Signature Field Name'),
      commonName: field('Signer Certificate Common Name'),
      totalDocumentSigned: /^\s*- Total document signed$/m.test(block),
      signatureValidation: field('Signature Validation'),
      certificateValidation: field('Certificate Validation'),
      signatureType: field('Signature Type'),
      hashAlgorithm: field('Signing Hash Algorithm'),
    };
  });
}

/** `qpdf --check`: exit status 0 means no errors and no warnings (3 = warnings, 2 = errors). */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const out = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: out.status === 0, output: `${out.stdout}${out.stderr}` };
}
