import type { SignatureCheckView } from '@vanban/contracts';
import { recipientStatusValues } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import {
  a4,
  boxOnPage,
  defaultView,
  parseActions,
  recipientStatusColor,
  signaturesPending,
  signatureVerdict,
  visibleViews,
  viewPath,
} from './model';

describe('views', () => {
  it('offers each role its lists, plus issued and all, in a fixed order', () => {
    expect(visibleViews(new Set(['specialist']))).toEqual(['drafts', 'issued', 'all']);
    expect(visibleViews(new Set(['leader']))).toEqual(['to_review', 'to_sign', 'issued', 'all']);
    expect(visibleViews(new Set(['clerk']))).toEqual([
      'to_number',
      'to_seal',
      'to_issue',
      'issued',
      'all',
    ]);
  });

  it('adds a list that has documents in it (a specialist asked to review)', () => {
    expect(visibleViews(new Set(['specialist']), { to_review: 2, to_sign: 0 })).toEqual([
      'drafts',
      'to_review',
      'issued',
      'all',
    ]);
  });

  it('lands each role on its main list', () => {
    expect(defaultView(new Set(['leader', 'clerk']))).toBe('to_sign');
    expect(defaultView(new Set(['clerk']))).toBe('to_number');
    expect(defaultView(new Set(['unit_head', 'specialist']))).toBe('to_review');
    expect(defaultView(new Set(['specialist']))).toBe('drafts');
    expect(defaultView(new Set(['admin']))).toBe('all');
    expect(viewPath('to_sign')).toBe('/outgoing/to-sign');
  });
});

describe('parseActions', () => {
  it('keeps the known actions in a stable order and ignores the rest', () => {
    expect(parseActions(['sign', 'return', 'frobnicate', 'approve'])).toEqual([
      'approve',
      'return',
      'sign',
    ]);
    expect(parseActions([])).toEqual([]);
  });
});

describe('recipient status colours', () => {
  it('has a colour for every status: green done, red returned, blue delivered', () => {
    for (const status of recipientStatusValues) {
      expect(recipientStatusColor(status)).toMatch(/^[a-z]+$/);
    }
    expect(recipientStatusColor('done')).toBe('green');
    expect(recipientStatusColor('returned')).toBe('red');
    expect(recipientStatusColor('delivered')).toBe('blue');
  });
});

describe('signatureVerdict', () => {
  const check: SignatureCheckView = {
    fieldName: 'Signature1',
    signerName: 'Bùi Thị Lan',
    organization: 'Sở Nội vụ',
    issuerName: 'Vanban Demo CA',
    signingTime: '2026-03-02T09:00:00+07:00',
    intact: true,
    coversWholeDocument: false,
    certificateValidAtSigningTime: true,
    trusted: true,
    problems: [],
  };

  it('is valid when intact, trusted and in validity (a later signature may follow)', () => {
    expect(signatureVerdict(check)).toBe('valid');
    expect(signatureVerdict({ ...check, trusted: null })).toBe('valid');
  });

  it('is untrusted when intact but off the trust list or out of validity', () => {
    expect(signatureVerdict({ ...check, trusted: false })).toBe('untrusted');
    expect(signatureVerdict({ ...check, certificateValidAtSigningTime: false })).toBe('untrusted');
  });

  it('is invalid when the signed bytes changed', () => {
    expect(signatureVerdict({ ...check, intact: false, trusted: false })).toBe('invalid');
  });
});

describe('boxOnPage', () => {
  it('turns a PDF box (from the bottom-left) into CSS percentages from the top-left', () => {
    const place = boxOnPage({ page: 1, x: 0, y: 0, width: a4.width / 2, height: a4.height / 4 });
    expect(place.left).toBe(0);
    expect(place.width).toBeCloseTo(50);
    expect(place.height).toBeCloseTo(25);
    expect(place.top).toBeCloseTo(75);
  });

  it('keeps a box partly off the page inside it', () => {
    const place = boxOnPage({ page: 2, x: 580, y: 830, width: 100, height: 50 });
    expect(place.left + place.width).toBeLessThanOrEqual(100);
    expect(place.top).toBeGreaterThanOrEqual(0);
  });
});

describe('signaturesPending', () => {
  it('waits only while the server has not checked the current PDF', () => {
    expect(signaturesPending({ signatureStatus: 'pending' })).toBe(true);
    expect(signaturesPending({ signatureStatus: 'none' })).toBe(false);
    expect(signaturesPending({ signatureStatus: 'valid' })).toBe(false);
    expect(signaturesPending({ signatureStatus: 'invalid' })).toBe(false);
  });
});
