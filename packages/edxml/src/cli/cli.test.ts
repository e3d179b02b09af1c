import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from '../packet-builder.js';
import { makeTestPki } from '../test-support/pki.js';
import type { TestPki } from '../test-support/pki.js';
import { PDF_BYTES, richDocumentSpec } from '../test-support/specs.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/vanban-edxml.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test-fixtures/', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let pki: TestPki;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-cli-'));
  pki = makeTestPki();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  pki.cleanup();
});

describe('vanban-edxml CLI', () => {
  it('parse: prints the packet as JSON with ISO dates, attachment sizes and hashes, warnings', () => {
    const r = cli('parse', join(FIXTURES, 'vpcp-zipped-pdf.edxml'));
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'document',
      code: { codeNumber: '24', codeNotation: '2025/QĐ-TTg' },
      promulgationInfo: { promulgationDate: '2025-03-05' },
      resolvedDocumentType: { code: 'legal_decision', name: 'Quyết định', legal: true },
      business: { docType: 'new' },
      signature: 'dummy',
      traceHeaders: [{ organId: '000.00.00.G22', timestamp: '2025-03-05T09:15:00' }],
    });
    const [att] = json.attachments as Record<string, unknown>[];
    expect(att).toMatchObject({
      name: 'Quyết định 24-2025.pdf',
      contentType: 'application/zip',
      description: 'Quyết định số 24/2025/QĐ-TTg',
      file: {
        name: 'Quyết định 24-2025.pdf',
        contentType: 'application/pdf',
        size: PDF_BYTES.length,
      },
    });
    expect((att?.file as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((json.warnings as string[]).length).toBeGreaterThan(0);
  });

  it('parse: status packets carry the code and its Vietnamese description', () => {
    const r = cli('parse', join(FIXTURES, 'status-received.edxml'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'status',
      statusCode: '03',
      statusName: 'Accepted',
      statusDescription: 'Đã tiếp nhận',
      timestamp: '2015-10-01T08:05:10',
    });
  });

  it('extract: unzips zip-wrapped files and never writes outside the directory', () => {
    const out = join(dir, 'extract');
    const r = cli('extract', join(FIXTURES, 'vpcp-zipped-pdf.edxml'), '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['Quyết định 24-2025.pdf']);
    expect(Buffer.compare(readFileSync(join(out, 'Quyết định 24-2025.pdf')), PDF_BYTES)).toBe(0);

    const spec = richDocumentSpec();
    spec.attachments = [
      { name: '../../../escape.pdf', data: PDF_BYTES },
      { name: '..\\evil.txt', data: Buffer.from('x'), zip: false },
    ];
    const evil = join(dir, 'evil.edxml');
    writeFileSync(evil, buildPacket(spec));
    const out2 = join(dir, 'extract2');
    expect(cli('extract', evil, '--out', out2).status).toBe(0);
    expect(readdirSync(out2).sort()).toEqual(['escape.pdf', 'evil.txt']);
    expect(existsSync(join(dir, 'escape.pdf'))).toBe(false);
    // A second run does not overwrite what is there.
    expect(cli('extract', evil, '--out', out2).status).toBe(0);
    expect(readdirSync(out2).sort()).toEqual([
      'escape (2).pdf',
      'escape.pdf',
      'evil (2).txt',
      'evil.txt',
    ]);
  });

  it('build: from a JSON spec with attachments by relative path, optionally signed; then validate and verify', () => {
    const specDir = join(dir, 'spec');
    mkdirSync(join(specDir, 'files'), { recursive: true });
    writeFileSync(join(specDir, 'files', 'Công văn 12.pdf'), PDF_BYTES);
    const spec = richDocumentSpec();
    const json = {
      ...spec,
      zipPolicy: 'none',
      attachments: [{ path: 'files/Công văn 12.pdf', description: 'Văn bản chính' }],
    };
    writeFileSync(join(specDir, 'spec.json'), JSON.stringify(json));
    const out = join(dir, 'built.edxml');
    const b = cli(
      'build',
      join(specDir, 'spec.json'),
      '--out',
      out,
      '--key',
      join(pki.dir, 'agency.key'),
      '--cert',
      join(pki.dir, 'agency.pem'),
    );
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);

    const p = cli('parse', out);
    expect(p.status).toBe(0);
    const parsed = JSON.parse(p.stdout) as {
      subject: string;
      attachments: { name: string; size: number }[];
      signature: string;
    };
    expect(parsed.subject).toBe(spec.header.subject);
    expect(parsed.attachments).toMatchObject([{ name: 'Công văn 12.pdf', size: PDF_BYTES.length }]);
    expect(parsed.signature).toBe('xmldsig');

    const v = cli('validate', out);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('valid document packet');

    const ok = cli('verify', out, '--trusted', join(pki.dir, 'ca.pem'));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, trusted: true });
    const untrusted = cli('verify', out, '--trusted', join(pki.dir, 'other.pem'));
    expect(untrusted.status).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({
      valid: false,
      reason: 'untrusted_certificate',
    });
  });

  it('validate: exit 1 and the list of problems for a non-conforming packet', () => {
    const r = cli('validate', join(FIXTURES, 'vpcp-zipped-pdf.edxml'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error: [date_format]');
    expect(r.stdout).toContain('error: [element_order]');
    expect(r.stdout).toContain('invalid packet');
    const j = cli('validate', join(FIXTURES, 'status-received.edxml'), '--json');
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ valid: false, kind: 'status' });
  });

  it('exit codes: 1 for a packet that cannot be read, 2 for usage and unreadable files', () => {
    const bad = join(dir, 'bad.edxml');
    writeFileSync(bad, '<edXML xmlns="urn:wrong"/>');
    const r = cli('parse', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('edxml.wrong_namespace');
    expect(cli('parse', join(dir, 'missing.edxml')).status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('extract', bad).status).toBe(2); // --out missing
    const notJson = join(dir, 'spec.txt');
    writeFileSync(notJson, 'not json');
    expect(cli('build', notJson, '--out', join(dir, 'x.edxml')).status).toBe(2);
    writeFileSync(notJson, JSON.stringify({ kind: 'document', header: {} }));
    const noFrom = cli('build', notJson, '--out', join(dir, 'x.edxml'));
    expect(noFrom.status).toBe(2);
    expect(noFrom.stderr).toContain('edxml.missing_from');
    expect(cli('--help').status).toBe(0);
  });

  it.skipIf(!existsSync(join(ROOT, 'node_modules/.bin/vanban-edxml')))(
    'runs through the workspace bin link (npx vanban-edxml)',
    () => {
      const r = spawnSync(
        join(ROOT, 'node_modules/.bin/vanban-edxml'),
        ['parse', join(FIXTURES, 'revoke-notice.edxml')],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        kind: 'document',
        business: { docType: 'revoke' },
      });
    },
  );
});
