import { PDFDocument } from '@cantoo/pdf-lib';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { vietnamDate } from '../../platform/clock/clock.js';
import { renderPdf } from '../../platform/pdf/pdf.js';
import { formatVnDate } from '../registers/index.js';
import type { ItemDocument } from './records.documents.js';

/**
 * The exported record as one PDF: the index of its documents (Mục lục văn bản, tài liệu trong hồ
 * sơ — Decree 30 Appendix V §IV: ordinal, number and notation, date, type and subject, author,
 * page, notes) followed by each document's main PDF in DocOrdinal order (App. VI Part I §III.4).
 * The merged file is a reading copy: the signed originals stay in the system, and copying their
 * pages drops the signatures.
 */

export interface RecordPdfHeader {
  code: string;
  notation: string;
  year: number;
  title: string;
  maintenance: string | null;
  agencyName: string;
  parentAgencyName: string | null;
  generatedAt: Date;
}

export interface RecordPdfItem {
  item: ItemDocument;
  /** The bytes of the document's main PDFs, in order. */
  pdfs: Uint8Array[];
}

interface LoadedItem {
  item: ItemDocument;
  docs: PDFDocument[];
  pages: number;
  unreadable: number;
}

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

function typeAndSubject(item: ItemDocument): string {
  const subject = item.document.subject.normalize('NFC').trim();
  const type = item.document.typeName;
  return `${type} ${/^Về /.test(subject) ? `v${subject.slice(1)}` : subject}`.trim();
}

function notesOf(l: LoadedItem): string {
  const d = l.item.document;
  const parts = [
    l.item.kind === 'incoming'
      ? `Văn bản đến${d.arrivalNumber ? ` số ${String(d.arrivalNumber).padStart(2, '0')}` : ''}`
      : 'Văn bản đi',
    d.secrecy !== 'normal' ? 'Mật' : null,
    l.docs.length === 0 && l.unreadable === 0 ? 'Không có bản PDF' : null,
    l.unreadable > 0 ? 'Tệp PDF không đọc được' : null,
    d.description,
  ];
  return parts.filter(Boolean).join('. ');
}

function pageRange(first: number, count: number): string {
  if (count === 0) return '';
  return count === 1 ? String(first) : `${first}–${first + count - 1}`;
}

const COLUMNS = [
  { header: 'STT', width: 24 },
  { header: 'Số, ký hiệu văn bản', width: 72 },
  { header: 'Ngày tháng năm văn bản', width: 52 },
  { header: 'Tên loại và trích yếu nội dung văn bản', width: '*' as const },
  { header: 'Tác giả văn bản', width: 80 },
  { header: 'Trang số', width: 36 },
  { header: 'Ghi chú', width: 64 },
];

function indexDefinition(
  header: RecordPdfHeader,
  items: LoadedItem[],
  indexPages: number,
): TDocumentDefinitions {
  let next = indexPages + 1;
  const rows: TableCell[][] = items.map((l) => {
    const first = next;
    next += l.pages;
    const d = l.item.document;
    return [
      { text: String(l.item.ordinal), alignment: 'center' },
      d.reference ?? '',
      { text: d.issuedDate ? formatVnDate(d.issuedDate) : '', alignment: 'center' },
      typeAndSubject(l.item),
      d.organName,
      { text: pageRange(first, l.pages), alignment: 'center' },
      notesOf(l),
    ];
  });
  const title: Content[] = [
    {
      columns: [
        {
          width: 260,
          alignment: 'center',
          fontSize: 10,
          stack: [
            ...(header.parentAgencyName ? [{ text: upper(header.parentAgencyName) }] : []),
            { text: upper(header.agencyName), bold: true },
          ],
        },
        { width: '*', text: '' },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: 'MỤC LỤC VĂN BẢN, TÀI LIỆU', alignment: 'center', bold: true, fontSize: 14 },
    {
      text: `Số, ký hiệu hồ sơ: ${header.notation}`,
      alignment: 'center',
      bold: true,
      fontSize: 11,
      margin: [0, 4, 0, 0],
    },
    { text: `Năm ${header.year}`, alignment: 'center', bold: true, fontSize: 11 },
    { text: header.title, alignment: 'center', italics: true, fontSize: 10, margin: [0, 4] },
    {
      text: [
        `Mã hồ sơ: ${header.code}`,
        header.maintenance ? ` — Thời hạn bảo quản: ${header.maintenance}` : '',
      ].join(''),
      alignment: 'center',
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 44],
    info: { title: `Mục lục hồ sơ ${header.code}`, creator: 'Vanban' },
    defaultStyle: { font: 'Roboto', fontSize: 8.5 },
    content: [
      ...title,
      {
        table: {
          headerRows: 2,
          widths: COLUMNS.map((c) => c.width),
          body: [
            COLUMNS.map((c) => ({ text: c.header, bold: true, alignment: 'center' as const })),
            COLUMNS.map((_, i) => ({
              text: `(${i + 1})`,
              italics: true,
              alignment: 'center' as const,
            })),
            ...rows,
          ],
        },
      },
      {
        text: `Hồ sơ gồm ${items.length} văn bản, ${next - indexPages - 1} trang (không kể mục lục).`,
        margin: [0, 8, 0, 0],
        fontSize: 9,
      },
    ],
    footer: (page: number, count: number) => ({
      columns: [
        { text: `${header.code} — xuất ngày ${formatVnDate(vietnamDate(header.generatedAt))}` },
        { text: `Mục lục ${page}/${count}`, alignment: 'right' },
      ],
      margin: [36, 12, 36, 0],
      fontSize: 7,
    }),
  };
}

async function loadItem({ item, pdfs }: RecordPdfItem): Promise<LoadedItem> {
  const docs: PDFDocument[] = [];
  let unreadable = 0;
  for (const bytes of pdfs) {
    try {
      docs.push(await PDFDocument.load(bytes, { updateMetadata: false }));
    } catch {
      unreadable++;
    }
  }
  return { item, docs, pages: docs.reduce((n, d) => n + d.getPageCount(), 0), unreadable };
}

/** Renders the index (its own page count shifts the page numbers, so it may take two passes). */
async function renderIndex(header: RecordPdfHeader, items: LoadedItem[]) {
  let guess = 1;
  for (let pass = 0; pass < 3; pass++) {
    const bytes = await renderPdf(indexDefinition(header, items, guess));
    const doc = await PDFDocument.load(bytes);
    if (doc.getPageCount() === guess) return doc;
    guess = doc.getPageCount();
  }
  return PDFDocument.load(await renderPdf(indexDefinition(header, items, guess)));
}

export async function buildRecordPdf(
  header: RecordPdfHeader,
  items: readonly RecordPdfItem[],
): Promise<Buffer> {
  const loaded: LoadedItem[] = [];
  for (const i of items) loaded.push(await loadItem(i));
  const out = await PDFDocument.create();
  out.setTitle(`Hồ sơ ${header.code}: ${header.title}`);
  out.setCreator('Vanban');
  out.setCreationDate(header.generatedAt);
  out.setModificationDate(header.generatedAt);
  for (const source of [await renderIndex(header, loaded), ...loaded.flatMap((l) => l.docs)]) {
    const pages = await out.copyPages(source, source.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  return Buffer.from(await out.save());
}
