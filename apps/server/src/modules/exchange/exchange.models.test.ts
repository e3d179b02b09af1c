import { buildPacket, parsePacket, StatusCode } from '@vanban/edxml';
import { describe, expect, it } from 'vitest';
import {
  documentPacketSpec,
  intakeMetadataOf,
  packetSignatureVerdict,
  recipientStatusForCode,
  statusCodeForIncoming,
} from './exchange.models.js';

describe('status packets as the copy moves (QCVN 102 §1.6)', () => {
  it('sends 01, 03, 04, 05, 06 and 02 and nothing for a revoked copy', () => {
    expect(statusCodeForIncoming('received')).toBe('01');
    expect(statusCodeForIncoming('registered')).toBe('03');
    expect(statusCodeForIncoming('submitted')).toBe('03');
    expect(statusCodeForIncoming('assigned')).toBe('04');
    expect(statusCodeForIncoming('in_progress')).toBe('05');
    expect(statusCodeForIncoming('completed')).toBe('06');
    expect(statusCodeForIncoming('returned')).toBe('02');
    expect(statusCodeForIncoming('revoked')).toBeNull();
  });

  it('shows the sender what each code means for the recipient', () => {
    expect(recipientStatusForCode(StatusCode.Received)).toBe('delivered');
    expect(recipientStatusForCode(StatusCode.Completed)).toBe('done');
    expect(recipientStatusForCode(StatusCode.Rejected)).toBe('returned');
    expect(recipientStatusForCode(StatusCode.ChangeAccepted)).toBeNull();
  });
});

describe('document packets of issued documents', () => {
  const spec = documentPacketSpec({
    from: { code: '000.00.02.H26', name: 'Sở Nội vụ thành phố Hà Nội', address: 'Hà Nội' },
    to: [{ code: '000.00.00.H29', name: 'Ủy ban nhân dân tỉnh Hà Nam' }],
    reference: '24/2026/QĐ-SNV',
    issueDate: '2026-03-02',
    place: 'Hà Nội',
    docType: 'legal_decision',
    subject: 'Về việc ban hành quy chế công tác văn thư',
    signer: { name: 'Bùi Thị Lan', position: 'Giám đốc Sở' },
    urgency: 'top_urgent',
    pageCount: 3,
    business: { type: 'new' },
    files: [
      {
        name: 'Quyết định.pdf',
        data: Buffer.from('%PDF-1.7 demo'),
        contentType: 'application/pdf',
      },
    ],
  });

  it('survives a build and parse round trip with the metadata a clerk needs', () => {
    const packet = parsePacket(buildPacket(spec));
    if (packet.kind !== 'document') throw new Error('not a document packet');
    expect(intakeMetadataOf(packet)).toEqual({
      senderName: 'Sở Nội vụ thành phố Hà Nội',
      senderCode: '000.00.02.H26',
      reference: '24/2026/QĐ-SNV',
      issueDate: '2026-03-02',
      docType: 'legal_decision',
      subject: 'Về việc ban hành quy chế công tác văn thư',
      signerName: 'Bùi Thị Lan',
      signerPosition: 'Giám đốc Sở',
      urgency: 'top_urgent',
      pageCount: 3,
    });
    expect(packet.business?.docType).toBe('new');
    expect(packet.attachments).toHaveLength(1);
  });

  it('refuses to build from a document that has no reference yet', () => {
    expect(() => documentPacketSpec({ ...specInput(), reference: '' })).toThrow(/reference/);
  });
});

function specInput() {
  return {
    from: { code: '000.00.02.H26', name: 'Sở Nội vụ' },
    to: [],
    reference: '01/SNV-VP',
    issueDate: '2026-03-02',
    place: null,
    docType: 'official_letter',
    subject: 'Công văn',
    signer: { name: null, position: null },
    urgency: 'normal' as const,
    pageCount: null,
    business: { type: 'new' as const },
    files: [],
  };
}

describe('the verdict on a received packet’s XML signature (QCVN 102 §1.7)', () => {
  const subject = 'CN=Văn thư Sở Nội vụ,O=Sở Nội vụ,C=VN';
  it('is valid only when intact and trusted, untrusted when intact only', () => {
    expect(
      packetSignatureVerdict({ valid: true, reason: 'ok', trusted: true, signerSubject: subject }),
    ).toEqual({ status: 'valid', reason: 'ok', signer: subject });
    expect(
      packetSignatureVerdict({ valid: true, reason: 'ok', trusted: false, signerSubject: subject }),
    ).toMatchObject({ status: 'untrusted' });
    expect(
      packetSignatureVerdict({
        valid: false,
        reason: 'untrusted_certificate',
        trusted: false,
        signerSubject: subject,
      }),
    ).toEqual({ status: 'untrusted', reason: 'untrusted_certificate', signer: subject });
  });

  it('counts dummy blocks as no signature and anything broken as invalid', () => {
    expect(
      packetSignatureVerdict({ valid: false, reason: 'dummy_signature', trusted: false }),
    ).toEqual({ status: 'none', reason: 'dummy_signature', signer: null });
    expect(
      packetSignatureVerdict({ valid: false, reason: 'no_signature', trusted: false }).status,
    ).toBe('none');
    for (const reason of [
      'invalid_signature',
      'multiple_signatures',
      'unsupported_reference',
      'malformed_xml',
    ] as const)
      expect(packetSignatureVerdict({ valid: false, reason, trusted: false }).status).toBe(
        'invalid',
      );
  });
});
