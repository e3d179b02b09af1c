import { describe, expect, it } from 'vitest';
import { daysLeft, expiryStatus } from './expiry';

const now = new Date('2026-03-01T00:00:00Z');

describe('expiryStatus', () => {
  it('is expired when the server says so or the end has passed', () => {
    expect(expiryStatus({ validTo: '2027-01-01T00:00:00Z', expired: true }, now)).toBe('expired');
    expect(expiryStatus({ validTo: '2026-02-28T23:59:59Z' }, now)).toBe('expired');
    expect(expiryStatus({ validTo: '2026-03-01T00:00:00Z' }, now)).toBe('expired');
  });

  it('warns within 30 days', () => {
    expect(expiryStatus({ validTo: '2026-03-31T00:00:00Z' }, now)).toBe('expiringSoon');
    expect(expiryStatus({ validTo: '2026-03-01T00:00:01Z' }, now)).toBe('expiringSoon');
    expect(expiryStatus({ validTo: '2026-03-31T00:00:01Z' }, now)).toBe('valid');
  });

  it('treats an unreadable date as expired rather than valid', () => {
    expect(expiryStatus({ validTo: 'soon' }, now)).toBe('expired');
  });
});

describe('daysLeft', () => {
  it('counts whole days', () => {
    expect(daysLeft('2026-03-11T12:00:00Z', now)).toBe(10);
    expect(daysLeft('2026-02-27T00:00:00Z', now)).toBe(-2);
  });
});
