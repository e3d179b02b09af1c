import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { CertificateValidityError } from './errors.js';

/** What a person is shown about a certificate (signature panel, verification badge). */
export interface CertificateInfo {
  subject: string;
  commonName: string | null;
  organization: string | null;
  issuer: string;
  issuerCommonName: string | null;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the DER, colon-separated hex (as `openssl x509 -fingerprint -sha256` prints it). */
  fingerprint256: string;
}

const nameOids: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.11': 'OU',
  '2.5.4.10': 'O',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** The attributes of an X.500 name, in order; values decoded as Unicode (Vietnamese names). */
function nameAttributes(name: pkijs.RelativeDistinguishedNames): [string, string][] {
  return name.typesAndValues.map((tv) => [
    nameOids[tv.type] ?? tv.type,
    String((tv.value.valueBlock as { value?: unknown }).value ?? ''),
  ]);
}

/** Most specific first, as RFC 4514 writes it: `CN=…, O=…, C=VN`. */
function formatName(attributes: [string, string][]): string {
  return [...attributes]
    .reverse()
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function describeCertificate(pemOrDer: string | Uint8Array): CertificateInfo {
  const x509 = new X509Certificate(typeof pemOrDer === 'string' ? pemOrDer : Buffer.from(pemOrDer));
  const cert = pkijs.Certificate.fromBER(x509.raw);
  const subject = nameAttributes(cert.subject);
  const issuer = nameAttributes(cert.issuer);
  const first = (attrs: [string, string][], key: string) =>
    attrs.find(([k]) => k === key)?.[1] ?? null;
  return {
    subject: formatName(subject),
    commonName: first(subject, 'CN'),
    organization: first(subject, 'O'),
    issuer: formatName(issuer),
    issuerCommonName: first(issuer, 'CN'),
    serialNumber: x509.serialNumber.toLowerCase(),
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    fingerprint256: x509.fingerprint256,
  };
}

/** Refuses a certificate outside its validity at `at` (the signing time that goes into `/M`). */
export function assertValidAt(info: CertificateInfo, at: Date): void {
  if (at < info.validFrom)
    throw new CertificateValidityError('not_yet_valid', info.validFrom, info.validTo, at);
  if (at > info.validTo)
    throw new CertificateValidityError('expired', info.validFrom, info.validTo, at);
}

/**
 * Orders certificates from `leaf` up through its issuers (as far as they are given), so a PKCS#12
 * file or a remote provider may list them in any order.
 */
export function orderChain(leaf: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  const pool = others.filter((c) => c.fingerprint256 !== leaf.fingerprint256);
  for (;;) {
    const last = chain[chain.length - 1]!;
    if (last.checkIssued(last)) break; // self-signed root
    const issuer = pool.find((c) => last.checkIssued(c) && last.verify(c.publicKey));
    if (!issuer || chain.includes(issuer)) break;
    chain.push(issuer);
  }
  return chain;
}
