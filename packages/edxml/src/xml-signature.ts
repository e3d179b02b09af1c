/**
 * Enveloped XML-DSig over the whole packet (standards.md §1.7): RSA-SHA256, exclusive c14n,
 * SHA-256 digest, `Reference URI=""`, the agency certificate in `KeyInfo/X509Data`. The block is
 * appended to `edXMLHeader`, where deployed packets carry theirs. Remote edXML signatures are
 * informative only; the legally relevant signatures are the PAdES ones inside the PDFs (§1.7).
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { EdxmlError } from './errors.js';
import { XMLDSIG_NAMESPACE } from './namespaces.js';
import { decodePacketBytes, elementChildren, localNameOf } from './xml-reader.js';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface SignOptions {
  privateKeyPem: string;
  certificatePem: string;
}

function parseDom(xml: string) {
  if (xml.includes('<!DOCTYPE')) {
    throw new EdxmlError(
      'edxml.forbidden_doctype',
      'Packets with a DOCTYPE declaration are not accepted',
    );
  }
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (cause) {
    throw new EdxmlError('edxml.malformed_xml', 'Not well-formed XML', { cause });
  }
}

function findHeader(root: Element | null): Element | undefined {
  const envelope = root
    ? elementChildren(root).find((e) => localNameOf(e) === 'edXMLEnvelope')
    : undefined;
  return envelope
    ? elementChildren(envelope).find((e) => localNameOf(e) === 'edXMLHeader')
    : undefined;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** RFC 2253 order (most specific first, comma-separated) from Node's one-attribute-per-line form. */
function rfc2253(subject: string): string {
  return subject.split('\n').filter(Boolean).reverse().join(',');
}

/**
 * Signs a packet. Any existing signature block in the header (real or dummy) is removed first,
 * since an enveloped signature over a document that still holds an older one would not verify.
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
  const doc = parseDom(decodePacketBytes(xml));
  const header = findHeader(doc.documentElement);
  if (!header)
    throw new EdxmlError('edxml.missing_header', 'The packet has no edXMLEnvelope/edXMLHeader');
  for (const el of elementChildren(header)) {
    const n = localNameOf(el);
    if (n === 'Signature' || n === 'DigitalSignature') header.removeChild(el);
  }
  const unsigned = new XMLSerializer().serializeToString(doc);
  const subjectName = escapeXml(rfc2253(cert.subject));
  const sig = new SignedXml({
    privateKey: options.privateKeyPem,
    publicCert: options.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: (args) => {
      const base = SignedXml.getKeyInfoContent(args ?? {});
      // Deployed packets carry X509SubjectName next to the certificate (standards.md §1.7).
      return base
        ? base.replace('<X509Data>', `<X509Data><X509SubjectName>${subjectName}</X509SubjectName>`)
        : base;
    },
  });
  sig.addReference({
    xpath: '/*',
    transforms: [ENVELOPED, EXC_C14N],
    digestAlgorithm: SHA256,
    isEmptyUri: true,
  });
  try {
    sig.computeSignature(unsigned, {
      location: {
        reference: "/*/*[local-name(.)='edXMLEnvelope']/*[local-name(.)='edXMLHeader']",
        action: 'append',
      },
    });
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

function isTrusted(cert: X509Certificate, trusted: X509Certificate[]): boolean {
  return trusted.some(
    (t) =>
      t.fingerprint256 === cert.fingerprint256 || (cert.checkIssued(t) && cert.verify(t.publicKey)),
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

  const certText =
    signature.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'X509Certificate')[0]?.textContent ?? '';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(certText.replace(/\s+/g, ''), 'base64'));
  } catch {
    // A truncated or placeholder certificate is what dummy blocks carry (standards.md §1.1).
    return result('dummy_signature', {
      message: 'the KeyInfo certificate is missing or unreadable',
    });
  }
  const info = {
    signerSubject: rfc2253(cert.subject),
    certificateFingerprint256: cert.fingerprint256,
  };
  let trusted = false;
  if (options.trustedCertificatesPem !== undefined) {
    const anchors = splitPem(options.trustedCertificatesPem).map((p) => new X509Certificate(p));
    trusted = isTrusted(cert, anchors);
    if (!trusted) return result('untrusted_certificate', info);
  }
  const sig = new SignedXml({ publicCert: cert.toString(), getCertFromKeyInfo: () => null });
  try {
    // xml-crypto types its parameter as the DOM Node; xmldom nodes are what it really walks.
    sig.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  } catch (e) {
    return result('invalid_signature', {
      ...info,
      trusted,
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
  if (!whole) return result('unsupported_reference', { ...info, trusted });
  try {
    const ok = sig.checkSignature(text);
    return ok
      ? { valid: true, reason: 'ok', trusted, ...info }
      : result('invalid_signature', {
          ...info,
          trusted,
          message: 'digest or signature value does not match',
        });
  } catch (e) {
    return result('invalid_signature', {
      ...info,
      trusted,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}
