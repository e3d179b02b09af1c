/** How a certificate's validity is shown: red when expired, orange within 30 days, else green. */
export type ExpiryStatus = 'expired' | 'expiringSoon' | 'valid';

export const expiringSoonDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export function expiryStatus(
  certificate: { validTo: string; expired?: boolean },
  now: Date,
  soonDays = expiringSoonDays,
): ExpiryStatus {
  const end = Date.parse(certificate.validTo);
  if (certificate.expired === true || Number.isNaN(end) || end <= now.getTime()) return 'expired';
  return end - now.getTime() <= soonDays * dayMs ? 'expiringSoon' : 'valid';
}

/** Whole days left until `validTo` (0 on the last day, negative once expired). */
export function daysLeft(validTo: string, now: Date): number {
  return Math.floor((Date.parse(validTo) - now.getTime()) / dayMs);
}

export const expiryColors: Record<ExpiryStatus, string> = {
  expired: 'red',
  expiringSoon: 'orange',
  valid: 'green',
};
