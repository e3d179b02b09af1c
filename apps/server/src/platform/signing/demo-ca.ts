import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * A demo PKI so the signing flow works without a real CA (VNPT-CA, Viettel-CA, Ban Cơ yếu…):
 * RSA 2048 — what Vietnamese CAs issue and what pdfsig/NSS and openssl verify — and every subject
 * says DEMO so nobody mistakes a demo signature for a legal one.
 */
export const DEMO_ORGANIZATION = 'Vanban DEMO — không có giá trị pháp lý';

export interface DemoCertificateOptions {
  commonName: string;
  /** The agency or unit, as OU (the O stays the DEMO marker). */
  organizationalUnit?: string;
  locality?: string;
  validFrom?: Date;
  validTo?: Date;
}

export interface DemoIdentity {
  pkcs12: Buffer;
  password: string;
  certificatePem: string;
}

export interface DemoCa {
  certificatePem: string;
  /** Issues an end-entity certificate for signing documents, exported as PKCS#12. */
  issue(options: DemoCertificateOptions & { password?: string }): DemoIdentity;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const utf8 = forge.asn1.Type.UTF8;

function subject(options: DemoCertificateOptions): forge.pki.CertificateField[] {
  return [
    { shortName: 'C', value: 'VN' },
    ...(options.locality ? [{ shortName: 'L', value: options.locality, valueTagClass: utf8 }] : []),
    { shortName: 'O', value: DEMO_ORGANIZATION, valueTagClass: utf8 },
    ...(options.organizationalUnit
      ? [{ shortName: 'OU', value: options.organizationalUnit, valueTagClass: utf8 }]
      : []),
    { shortName: 'CN', value: options.commonName, valueTagClass: utf8 },
  ] as forge.pki.CertificateField[];
}

/** Native key generation (~0.1 s for RSA 2048); forge's pure-JS generator takes seconds. */
function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

/** 120 random bits behind a 01 byte: positive, unique, as CAs must issue them (RFC 5280 §4.1.2.2). */
const newSerial = () => '01' + randomBytes(15).toString('hex');

function certificate(
  keys: { publicKey: forge.pki.PublicKey },
  subjectFields: forge.pki.CertificateField[],
  issuer: { fields: forge.pki.CertificateField[]; key: forge.pki.rsa.PrivateKey },
  validity: { from: Date; to: Date },
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = newSerial();
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  cert.setSubject(subjectFields);
  cert.setIssuer(issuer.fields);
  cert.setExtensions([{ name: 'subjectKeyIdentifier' }, ...extensions]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

/**
 * A self-signed demo root. Validity defaults to one day back and ten years ahead; tests pass
 * fixed dates so their signing times always fall inside.
 */
export function createDemoCa(
  options: { commonName?: string; validFrom?: Date; validTo?: Date } = {},
): DemoCa {
  const now = Date.now();
  const from = options.validFrom ?? new Date(now - 24 * 3600 * 1000);
  const to = options.validTo ?? new Date(now + 10 * YEAR_MS);
  const keys = newKeyPair();
  const fields = subject({ commonName: options.commonName ?? 'Vanban DEMO Root CA' });
  const ca = certificate(keys, fields, { fields, key: keys.privateKey }, { from, to }, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  const caKeyId = ca.generateSubjectKeyIdentifier().getBytes();

  return {
    certificatePem: forge.pki.certificateToPem(ca),
    issue(leaf) {
      const leafKeys = newKeyPair();
      const validity = {
        from: leaf.validFrom ?? new Date(Math.max(from.getTime(), now - 24 * 3600 * 1000)),
        to: leaf.validTo ?? new Date(Math.min(to.getTime(), now + 3 * YEAR_MS)),
      };
      // No extended key usage: NSS (pdfsig) checks signer certificates for e-mail signing
      // usage, which any certificate without EKU passes.
      const cert = certificate(
        leafKeys,
        subject(leaf),
        { fields: ca.subject.attributes, key: keys.privateKey },
        validity,
        [
          { name: 'basicConstraints', cA: false, critical: true },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
        ],
      );
      const password = leaf.password ?? 'demo';
      const p12 = forge.pkcs12.toPkcs12Asn1(leafKeys.privateKey, [cert, ca], password, {
        algorithm: 'aes256',
        friendlyName: leaf.commonName,
      });
      return {
        pkcs12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
        password,
        certificatePem: forge.pki.certificateToPem(cert),
      };
    },
  };
}
