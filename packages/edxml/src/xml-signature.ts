/**
 * Enveloped XML-DSig over the whole packet (standards.md §1.7): RSA-SHA256, exclusive c14n,
 * SHA-256 digest, `Reference URI=""`, the agency certificate in `KeyInfo/X509Data`. The block is
 * appended to `edXMLHeader`, where deployed packets carry theirs. Remote edXML signatures are
 * informative only; the legally relevant signatures are the PAdES ones inside the PDFs (§1.7).
 */
import { X509Certificate, createPrivateKey, verify as cryptoVerify } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import { EdxmlError } from './errors.js';
import { XMLDSIG_NAMESPACE } from './namespaces.js';
import {
  ECDSA_SHA256,
  ENVELOPED,
  RSA_SHA256,
  SIGNATURE_LOCATION,
  findHeader,
  parseDom,
  rfc2253,
  signedXmlFor,
  unsignedPacket,
} from './xml-signature-common.js';
import { decodePacketBytes, elementChildren, localNameOf } from './xml-reader.js';

export interface SignOptions {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * Signs a packet. Any existing signature block in the header (real or dummy) is removed first,
 * since an enveloped signature over a document that still holds an older one would not verify.
 * For a key held elsewhere (token, remote signer), use `signPacketWith`.
 */
export function signPacket(xml: string | Uint8Array, options: SignOptions): string {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(options.certificatePem);
    createPrivateKey(options.privateKeyPem);
  } catch (cause) {
    throw new EdxmlError('edxml.signing_failed', 'The private key or certificate cannot be read', {
      cause,
    });
  }
  const unsigned = unsignedPacket(xml);
  const sig = signedXmlFor({
    privateKey: options.privateKeyPem,
    certificates: [cert],
    signatureAlgorithm: RSA_SHA256,
  });
  try {
    sig.computeSignature(unsigned, { location: SIGNATURE_LOCATION });
  } catch (cause) {
    throw new EdxmlError('edxml.signing_failed', 'Computing the XML signature failed', { cause });
  }
  return sig.getSignedXml();
}

export type SignatureCheckReason =
  | 'ok'
  | 'no_signature'
  | 'dummy_signature'
  | 'multiple_signatures'
  | 'untrusted_certificate'
  | 'unsupported_reference'
  | 'invalid_signature'
  | 'malformed_xml';

export interface SignatureCheck {
  valid: boolean;
  reason: SignatureCheckReason;
  /** Subject of the signing certificate (RFC 2253 order), when one could be read. */
  signerSubject?: string;
  /** SHA-256 fingerprint of the signing certificate. */
  certificateFingerprint256?: string;
  /** True when the certificate is, or is issued by, one of `trustedCertificatesPem`. */
  trusted: boolean;
  message?: string;
}

export interface VerifyOptions {
  /** PEM certificates (or one PEM bundle) of trusted agency certificates or their issuers. */
  trustedCertificatesPem?: string | string[];
}

function splitPem(input: string | string[]): string[] {
  const all = Array.isArray(input) ? input.join('\n') : input;
  return all.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/**
 * True when the certificate is one of `anchors`, or reaches one through the issuers the packet
 * published next to it in `KeyInfo` (a leaf under an intermediate CA under the trusted root).
 */
function isTrusted(
  cert: X509Certificate,
  anchors: X509Certificate[],
  intermediates: X509Certificate[],
): boolean {
  let current = cert;
  for (let depth = 0; depth < 6; depth++) {
    if (anchors.some((t) => t.fingerprint256 === current.fingerprint256 || issuedBy(current, t)))
      return true;
    const up = intermediates.find(
      (i) => i.fingerprint256 !== current.fingerprint256 && issuedBy(current, i),
    );
    if (!up) return false;
    current = up;
  }
  return false;
}

/** ECDSA-SHA256 with r‖s values (xmldsig-core1 §6.4.3), which xml-crypto does not ship. */
class EcdsaSha256 {
  getSignature(): string {
    throw new Error('signing goes through signPacketWith');
  }
  verifySignature(material: string, key: string, signatureValue: string): boolean {
    return cryptoVerify(
      'sha256',
      Buffer.from(material, 'utf8'),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signatureValue, 'base64'),
    );
  }
  getAlgorithmName(): string {
    return ECDSA_SHA256;
  }
}

function readCertificates(signature: Element): (X509Certificate | null)[] {
  return Array.from(signature.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'X509Certificate')).map(
    (el) => {
      try {
        return new X509Certificate(
          Buffer.from((el.textContent ?? '').replace(/\s+/g, ''), 'base64'),
        );
      } catch {
        return null;
      }
    },
  );
}

function result(reason: SignatureCheckReason, extra: Partial<SignatureCheck> = {}): SignatureCheck {
  return { valid: reason === 'ok', reason, trusted: false, ...extra };
}

/**
 * Verifies the packet's enveloped XML-DSig. A packet without a namespaced `Signature`
 * reports `no_signature` or, when it carries a dummy block, `dummy_signature`.
 */
export function verifyPacketSignature(
  xml: string | Uint8Array,
  options: VerifyOptions = {},
): SignatureCheck {
  const text = decodePacketBytes(xml);
  let doc;
  try {
    doc = parseDom(text);
  } catch (e) {
    return result('malformed_xml', { message: e instanceof Error ? e.message : String(e) });
  }
  const signatures = Array.from(doc.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'Signature'));
  if (signatures.length === 0) {
    const header = findHeader(doc.documentElement);
    const dummy = header
      ? elementChildren(header).some((e) =>
          ['Signature', 'DigitalSignature'].includes(localNameOf(e)),
        )
      : false;
    return result(dummy ? 'dummy_signature' : 'no_signature');
  }
  if (signatures.length > 1) return result('multiple_signatures');
  const signature = signatures[0] as Element;

  // The signing certificate comes first; any others are its issuers (signPacketWith's chain).
  const [cert, ...others] = readCertificates(signature);
  if (!cert) {
    // A truncated or placeholder certificate is what dummy blocks carry (standards.md §1.1).
    return result('dummy_signature', {
      message: 'the KeyInfo certificate is missing or unreadable',
    });
  }
  const info = {
    signerSubject: rfc2253(cert.subject),
    certificateFingerprint256: cert.fingerprint256,
  };
  // Integrity first, trust second: a tampered packet is `invalid_signature` whoever signed it.
  const trusted =
    options.trustedCertificatesPem !== undefined &&
    isTrusted(
      cert,
      splitPem(options.trustedCertificatesPem).map((p) => new X509Certificate(p)),
      others.filter((c): c is X509Certificate => c !== null),
    );
  const verdict = checkIntegrity(signature, cert, text, { ...info, trusted });
  if (verdict.reason === 'ok' && options.trustedCertificatesPem !== undefined && !trusted)
    return result('untrusted_certificate', info);
  return verdict;
}

function checkIntegrity(
  signature: Element,
  cert: X509Certificate,
  text: string,
  info: Partial<SignatureCheck>,
): SignatureCheck {
  const sig = new SignedXml({ publicCert: cert.toString(), getCertFromKeyInfo: () => null });
  sig.SignatureAlgorithms[ECDSA_SHA256] = EcdsaSha256 as unknown as new () => SignatureAlgorithm;
  try {
    // xml-crypto types its parameter as the DOM Node; xmldom nodes are what it really walks.
    sig.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  } catch (e) {
    return result('invalid_signature', {
      ...info,
      message: e instanceof Error ? e.message : String(e),
    });
  }
  // Only a whole-document enveloped reference protects the header and the attachments together;
  // anything else could leave parts of the packet unsigned (signature wrapping).
  const refs = sig.getReferences();
  const whole =
    refs.length === 1 &&
    (refs[0]?.uri ?? '') === '' &&
    (refs[0]?.transforms ?? []).includes(ENVELOPED);
  if (!whole) return result('unsupported_reference', info);
  try {
    const ok = sig.checkSignature(text);
    return ok
      ? { valid: true, reason: 'ok', trusted: false, ...info }
      : result('invalid_signature', {
          ...info,
          message: 'digest or signature value does not match',
        });
  } catch (e) {
    return result('invalid_signature', {
      ...info,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
