import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PacketAttachment, assertBase64, base64DecodedSize, isBase64Text } from './attachments.js';
import { contentTypeForName, shouldZip } from './content-types.js';
import { EdxmlError } from './errors.js';
import { safeFileName, uniqueFileName } from './file-names.js';
import { extractZipEntry, listZipEntries, zipSingleFile } from './zip.js';

function part(name: string, data: Uint8Array, contentType = 'application/zip'): PacketAttachment {
  return new PacketAttachment({
    contentId: 'cid:1',
    name,
    contentType,
    base64: Buffer.from(data).toString('base64'),
  });
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof EdxmlError) return e.code;
    throw e;
  }
  return 'no error';
}

/** Rewrites the declared uncompressed size in the local header and the central directory. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Buffer.from(zip);
  out.writeUInt32LE(size, 22); // local file header: uncompressed size
  const cd = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  out.writeUInt32LE(size, cd + 24); // central directory: uncompressed size
  return out;
}

describe('base64 handling', () => {
  it('validates and sizes without decoding, whitespace allowed', () => {
    const b64 = Buffer.from('Xin chào Việt Nam').toString('base64');
    const wrapped = b64.replace(/(.{8})/g, '$1\r\n');
    expect(isBase64Text(wrapped)).toBe(true);
    expect(base64DecodedSize(wrapped)).toBe(Buffer.byteLength('Xin chào Việt Nam'));
    expect(assertBase64(wrapped, 'x')).toBe(Buffer.byteLength('Xin chào Việt Nam'));
    expect(isBase64Text('abc$')).toBe(false);
    expect(() => assertBase64('QUJDR', 'x')).toThrow(
      expect.objectContaining({ code: 'edxml.bad_base64' }),
    );
  });
});

describe('zip-wrapped attachments (standards.md §1.7)', () => {
  const pdf = Buffer.from('%PDF-1.7\nnội dung thử\n%%EOF');

  it('unzips the single entry when labelled application/zip and not named .zip', () => {
    const a = part('Tờ trình 07.pdf', zipSingleFile('Tờ trình 07.pdf', pdf));
    expect(a.isZipWrapped).toBe(true);
    const f = a.extract();
    expect(f).toMatchObject({
      name: 'Tờ trình 07.pdf',
      contentType: 'application/pdf',
      unzipped: true,
      warnings: [],
    });
    expect(Buffer.compare(f.data, pdf)).toBe(0);
  });

  it('keeps real .zip attachments as they are', () => {
    const zip = zipSingleFile('a.pdf', pdf);
    const f = part('hồ sơ.zip', zip).extract();
    expect(f.unzipped).toBe(false);
    expect(Buffer.compare(f.data, Buffer.from(zip))).toBe(0);
  });

  it('borrows the entry extension when the label has none', () => {
    const f = part('Quyet dinh 15', zipSingleFile('Quyet dinh 15.pdf', pdf)).extract();
    expect(f.name).toBe('Quyet dinh 15.pdf');
    expect(f.contentType).toBe('application/pdf');
  });

  it('keeps a multi-file zip as .zip with a warning, ignoring directory and __MACOSX entries', () => {
    const two = zipSync({ 'a.pdf': pdf, 'b.pdf': pdf });
    const f = part('ho so.pdf', two).extract();
    expect(f).toMatchObject({ name: 'ho so.pdf.zip', unzipped: false });
    expect(f.warnings[0]).toContain('2 files');
    const withJunk = zipSync({
      'dir/': new Uint8Array(0),
      '__MACOSX/._a.pdf': pdf,
      'dir/a.pdf': pdf,
    });
    expect(listZipEntries(withJunk).map((e) => e.name)).toEqual(['dir/a.pdf']);
    expect(part('a.pdf', withJunk).extract().unzipped).toBe(true);
  });

  it('keeps data labelled zip that is not a zip, with a warning', () => {
    const f = part('a.pdf', pdf).extract();
    expect(f.unzipped).toBe(false);
    expect(f.warnings[0]).toContain('not a ZIP');
  });

  it('reports a corrupt zip as edxml.bad_zip', () => {
    const broken = Buffer.from(zipSingleFile('a.pdf', pdf)).subarray(0, 40);
    expect(code(() => part('a.pdf', broken).extract())).toBe('edxml.bad_zip');
  });
});

describe('zip bomb guard', () => {
  const zeros = new Uint8Array(16 * 1024 * 1024);
  const bomb = zipSync({ 'bomb.pdf': [zeros, { level: 9 }] });

  it('rejects an absurd compression ratio by default', () => {
    expect(bomb.length).toBeLessThan(zeros.length / 1000);
    expect(code(() => part('bomb.pdf', bomb).extract())).toBe('edxml.attachment_too_large');
  });

  it('rejects a declared size above the limit', () => {
    expect(
      code(() =>
        part('bomb.pdf', bomb).extract({
          maxUncompressedBytes: 1024 * 1024,
          maxCompressionRatio: 1e9,
        }),
      ),
    ).toBe('edxml.attachment_too_large');
  });

  it('stops while streaming when the declared size lies', () => {
    const liar = lieAboutSize(bomb, 100);
    const [entry] = listZipEntries(liar);
    expect(entry?.uncompressedSize).toBe(100);
    expect(
      code(() =>
        part('bomb.pdf', liar).extract({
          maxUncompressedBytes: 1024 * 1024,
          maxCompressionRatio: 1e9,
        }),
      ),
    ).toBe('edxml.attachment_too_large');
    // And the ratio is checked on the real output as well.
    expect(code(() => part('bomb.pdf', liar).extract({ maxCompressionRatio: 100 }))).toBe(
      'edxml.attachment_too_large',
    );
  });

  it('accepts the same content within generous limits', () => {
    const entry = listZipEntries(bomb)[0];
    if (!entry) throw new Error('no entry');
    const out = extractZipEntry(bomb, entry, { maxCompressionRatio: 1e9 });
    expect(out.length).toBe(zeros.length);
  });
});

describe('content types and zip policy', () => {
  it('guesses MIME types and applies the Bkav / VPCP policies', () => {
    expect(contentTypeForName('Báo cáo.DOCX')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(contentTypeForName('không-đuôi')).toBe('application/octet-stream');
    expect(shouldZip('a.pdf', 'bkav')).toBe(false);
    expect(shouldZip('a.png', 'bkav')).toBe(true);
    expect(shouldZip('a.pdf', 'all')).toBe(true);
    expect(shouldZip('a.zip', 'all')).toBe(false);
    expect(shouldZip('a.png', 'none')).toBe(false);
  });
});

describe('safe file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['..', 'attachment'],
    ['', 'attachment'],
    ['a\u0000b:c?.pdf', 'a_b_c_.pdf'],
    ['  .hidden. ', 'hidden'],
    ['CON.pdf', 'attachment_CON.pdf'],
    ['Quyết định số 24.pdf'.normalize('NFD'), 'Quyết định số 24.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('truncates long names on UTF-8 bytes keeping the extension, and de-duplicates', () => {
    const long = safeFileName(`${'Đ'.repeat(300)}.pdf`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('.pdf')).toBe(true);
    const taken = new Set<string>();
    expect(['a.pdf', 'A.pdf', 'a.pdf'].map((n) => uniqueFileName(n, taken))).toEqual([
      'a.pdf',
      'A (2).pdf',
      'a (3).pdf',
    ]);
  });
});
