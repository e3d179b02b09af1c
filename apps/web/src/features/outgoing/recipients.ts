import type { OutgoingDetail, RecipientInput } from '@vanban/contracts';

/** Nơi nhận as the draft form holds them: directory agencies, own units, free-text lines. */
export interface RecipientsValue {
  agencies: { code: string; name: string }[];
  unitIds: string[];
  /** One recipient per line ("Lưu: VT, TCBC."). */
  text: string;
}

export const emptyRecipients: RecipientsValue = { agencies: [], unitIds: [], text: '' };

/** Free-text lines → names: trimmed, bullets and trailing separators dropped, no repeats. */
export function freeTextNames(text: string): string[] {
  const names = text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^[\s\-–•+*]+/, '')
        .replace(/[;,]\s*$/, '')
        .trim(),
    )
    .filter((line) => line !== '');
  return [...new Set(names)].map((name) => name.slice(0, 300));
}

/** The `recipients` of the create/update body, in the order agencies, units, free text. */
export function recipientInputs(value: RecipientsValue): RecipientInput[] {
  return [
    ...value.agencies.map((agency) => ({ agencyCode: agency.code })),
    ...[...new Set(value.unitIds)].map((unitId) => ({ unitId })),
    ...freeTextNames(value.text).map((name) => ({ name })),
  ];
}

export function recipientCount(value: RecipientsValue): number {
  return recipientInputs(value).length;
}

/** A saved draft's recipients back into the form. */
export function recipientsFromDetail(recipients: OutgoingDetail['recipients']): RecipientsValue {
  const value: RecipientsValue = { agencies: [], unitIds: [], text: '' };
  const lines: string[] = [];
  for (const recipient of recipients) {
    if (recipient.kind === 'agency' && recipient.agency) {
      value.agencies.push({ code: recipient.agency.code, name: recipient.name });
    } else if (recipient.kind === 'unit' && recipient.unit) {
      value.unitIds.push(recipient.unit.id);
    } else {
      lines.push(recipient.name);
    }
  }
  value.text = lines.join('\n');
  return value;
}

/** Compose mode: each non-empty line of the text is one paragraph of the body. */
export function composeParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
