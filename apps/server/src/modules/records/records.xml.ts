import type { ItemDocument } from './records.documents.js';

/**
 * A record's metadata as XML with the field names of Decree 30 Appendix VI Part II: the record
 * (§III: FileCode, Title, Maintenance, Rights, Creator, Language, StartDate, EndDate, DocTotal,
 * PageTotal, Description), then each document in DocOrdinal order with the fields of §I
 * (outgoing) or §II (incoming). Dates are ISO `YYYY-MM-DD` (the "Date 10" of the appendix);
 * empty fields are left out.
 */

export interface RecordXmlInput {
  organId: string;
  year: number;
  notation: string;
  title: string;
  maintenance: string | null;
  rights: string | null;
  creatorName: string;
  language: string;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
}

// XML 1.0 §2.2: control characters other than tab, newline and carriage return cannot appear.
// eslint-disable-next-line no-control-regex -- exactly the characters XML forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .normalize('NFC')
    .replace(FORBIDDEN, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

class Writer {
  readonly #lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  #depth = 0;

  open(name: string, attributes: Record<string, string> = {}) {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    this.#lines.push(`${'  '.repeat(this.#depth)}<${name}${attrs}>`);
    this.#depth++;
    return this;
  }

  close(name: string) {
    this.#depth--;
    this.#lines.push(`${'  '.repeat(this.#depth)}</${name}>`);
    return this;
  }

  /** `<name>value</name>`; nothing for null, undefined or an empty string. */
  leaf(name: string, value: string | number | null | undefined) {
    if (value === null || value === undefined || value === '') return this;
    this.#lines.push(`${'  '.repeat(this.#depth)}<${name}>${escapeXml(String(value))}</${name}>`);
    return this;
  }

  toString() {
    return `${this.#lines.join('\n')}\n`;
  }
}

/** edXML Priority (QCVN 102 §1.3 item 1.11): 0 normal, 1 urgent, 2 top urgent, 3 flash. */
const PRIORITY = { normal: 0, urgent: 1, top_urgent: 2, flash: 3 } as const;

function fileCode(w: Writer, record: RecordXmlInput) {
  w.open('FileCode')
    .leaf('OrganId', record.organId)
    .leaf('FileCatalog', record.year)
    .leaf('FileNotation', record.notation)
    .close('FileCode');
}

function documentXml(w: Writer, record: RecordXmlInput, item: ItemDocument) {
  const d = item.document;
  w.open(item.kind === 'incoming' ? 'IncomingDocument' : 'OutgoingDocument');
  fileCode(w, record);
  w.leaf('DocOrdinal', item.ordinal)
    .leaf('TypeName', d.typeName)
    .leaf('CodeNumber', d.codeNumber)
    .leaf('CodeNotation', d.codeNotation)
    .leaf('IssuedDate', d.issuedDate)
    .leaf('OrganName', d.organName)
    .leaf('Subject', d.subject)
    .leaf('Language', d.language)
    .leaf('PageAmount', d.pageAmount)
    .leaf('Description', d.description);
  const signer = () => {
    if (!d.signer) return;
    w.open('SignerInfo')
      .leaf('Position', d.signer.position)
      .leaf('FullName', d.signer.fullName)
      .close('SignerInfo');
  };
  if (item.kind === 'incoming') {
    // §II items 12–18.
    w.leaf('ArrivalDate', d.arrivalDate).leaf('ArrivalNumber', d.arrivalNumber);
    signer();
    w.leaf('Priority', PRIORITY[d.urgency])
      .leaf('ToPlaces', d.toPlaces)
      .leaf(
        'TraceHeaderList',
        [item.direction, `Trạng thái: ${d.state}`].filter(Boolean).join('\n'),
      )
      .leaf('DueDate', d.dueDate);
  } else {
    // §I items 12–16.
    signer();
    for (const to of d.to)
      w.open('To').leaf('OrganId', to.organId).leaf('OrganName', to.organName).close('To');
    w.leaf('Priority', PRIORITY[d.urgency])
      .leaf('IssuedAmount', d.to.length > 0 ? d.to.length : null)
      .leaf('DueDate', d.dueDate);
  }
  w.close(item.kind === 'incoming' ? 'IncomingDocument' : 'OutgoingDocument');
}

export function buildRecordXml(record: RecordXmlInput, items: readonly ItemDocument[]): string {
  const w = new Writer();
  w.open('File');
  fileCode(w, record);
  w.leaf('Title', record.title)
    .leaf('Maintenance', record.maintenance)
    .leaf('Rights', record.rights)
    .leaf('Creator', record.creatorName)
    .leaf('Language', record.language)
    .leaf('StartDate', record.startDate)
    .leaf('EndDate', record.endDate)
    .leaf('DocTotal', items.length)
    .leaf(
      'PageTotal',
      items.reduce((sum, i) => sum + (i.document.pageAmount ?? 0), 0),
    )
    .leaf('Description', record.description);
  w.open('Documents');
  for (const item of items) documentXml(w, record, item);
  w.close('Documents').close('File');
  return w.toString();
}
