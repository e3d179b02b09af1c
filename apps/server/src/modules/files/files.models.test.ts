import { describe, expect, it } from 'vitest';
import {
  cleanFileName,
  fileKinds,
  judgeContent,
  judgeName,
  normalizeExtractedText,
  type FileKind,
} from './files.models.js';

const kind = (name: string): FileKind => fileKinds.find((f) => f.kind === name)!;

describe('judging an upload by its name and declared type', () => {
  it.each([
    ['cong-van.pdf', 'application/pdf', 'pdf'],
    ['Cong-Van.PDF', 'application/octet-stream', 'pdf'],
    ['bao-cao.docx', '', 'docx'],
    ['anh.jpeg', 'image/jpg', 'jpeg'],
    ['goi-tin.xml', 'text/xml; charset=utf-8', 'xml'],
    ['luu-tru.zip', 'application/x-zip-compressed', 'zip'],
    ['scan', 'image/tiff', 'tiff'],
  ])('%s sent as "%s" is %s', (name, claimed, expected) => {
    expect(judgeName(name, claimed)).toMatchObject({ ok: true, kind: { kind: expected } });
  });

  it.each([
    ['setup.exe', 'application/octet-stream', 'forbidden'],
    ['quyet-dinh.pdf.exe', 'application/pdf', 'forbidden'],
    ['a.pdf', 'application/x-msdownload', 'forbidden'],
    ['run.sh', 'text/plain', 'forbidden'],
    ['noextension', 'application/octet-stream', 'forbidden'],
    ['a.svg', 'image/svg+xml', 'forbidden'],
    ['a.pdf', 'image/png', 'mismatch'],
    ['a.docx', 'application/msword', 'mismatch'],
  ])('%s sent as "%s" is refused (%s)', (name, claimed, problem) => {
    expect(judgeName(name, claimed)).toMatchObject({ ok: false, problem });
  });
});

describe('judging an upload by its bytes', () => {
  it('wants the signature that matches the kind', () => {
    expect(judgeContent(kind('pdf'), { detected: 'pdf' }).ok).toBe(true);
    expect(judgeContent(kind('doc'), { detected: 'cfb' }).ok).toBe(true);
    expect(judgeContent(kind('png'), { detected: 'apng' }).ok).toBe(true);
    expect(judgeContent(kind('pdf'), { detected: 'png' })).toMatchObject({ problem: 'mismatch' });
    expect(judgeContent(kind('pdf'), { detected: null })).toMatchObject({ problem: 'mismatch' });
    expect(judgeContent(kind('zip'), { detected: 'docx' })).toMatchObject({ problem: 'mismatch' });
  });

  it('refuses programs whatever the name says', () => {
    for (const detected of ['exe', 'elf', 'macho', 'jar', 'apk'])
      expect(judgeContent(kind('pdf'), { detected })).toMatchObject({ problem: 'forbidden' });
    expect(judgeContent(kind('zip'), { detected: 'jar' })).toMatchObject({ problem: 'forbidden' });
  });

  it('wants UTF-8 text for txt and xml, and no scripts', () => {
    const utf8 = { utf8: true, shebang: false };
    expect(judgeContent(kind('txt'), { detected: null, text: utf8 }).ok).toBe(true);
    expect(judgeContent(kind('xml'), { detected: 'xml', text: utf8 }).ok).toBe(true);
    expect(judgeContent(kind('txt'), { detected: 'xml', text: utf8 })).toMatchObject({
      problem: 'mismatch',
    });
    expect(
      judgeContent(kind('txt'), { detected: null, text: { utf8: false, shebang: false } }),
    ).toMatchObject({ problem: 'mismatch' });
    expect(
      judgeContent(kind('txt'), { detected: null, text: { utf8: true, shebang: true } }),
    ).toMatchObject({ problem: 'forbidden' });
  });
});

describe('file names', () => {
  it.each([
    ['C:\\fakepath\\Tờ trình.pdf', 'Tờ trình.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['  Báo   cáo\t.docx  ', 'Báo cáo.docx'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['...', 'file'],
    ['Quye\u0302\u0301t đi\u0323nh.pdf', 'Quyết định.pdf'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('shortens long names but keeps the extension', () => {
    const name = cleanFileName(`${'Nghị quyết '.repeat(40)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('extracted text', () => {
  it('is NFC, without NULs and runs of blank lines', () => {
    expect(normalizeExtractedText('Ha\u0300 No\u0323\u0302i\u0000\r\n\r\n\r\n\r\nxong  \n')).toBe(
      'Hà Nội\n\nxong',
    );
  });

  it('is cut at a character boundary below the byte cap', () => {
    const text = normalizeExtractedText('ệ'.repeat(10), 10); // 3 bytes each
    expect(text).toBe('ệệệ');
    expect(normalizeExtractedText('', 10)).toBe('');
  });
});
