/**
 * What signing with a PEM key and signing through an external signer share (standards.md §1.7):
 * the algorithms, the DOM helpers, the cleaned packet to sign and the `SignedXml` set-up.
 */
import type { X509Certificate } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import { EdxmlError } from './errors.js';
import { decodePacketBytes, elementChildren, localNameOf } from './xml-reader.js';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** Where deployed packets carry their signature: the last child of `edXMLHeader`. */
const HEADER_XPATH = "/*/*[local-name(.)='edXMLEnvelope']/*[local-name(.)='edXMLHeader']";

export function parseDom(xml: string) {
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

export function findHeader(root: Element | null): Element | undefined {
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
export function rfc2253(subject: string): string {
  return subject.split('\n').filter(Boolean).reverse().join(',');
}

/**
 * The packet to sign: any existing signature block in the header (real or dummy) is removed,
 * since an enveloped signature over a document that still holds an older one would not verify.
 */
export function unsignedPacket(xml: string | Uint8Array): string {
  const doc = parseDom(decodePacketBytes(xml));
  const header = findHeader(doc.documentElement);
  if (!header)
    throw new EdxmlError('edxml.missing_header', 'The packet has no edXMLEnvelope/edXMLHeader');
  for (const el of elementChildren(header)) {
    const n = localNameOf(el);
    if (n === 'Signature' || n === 'DigitalSignature') header.removeChild(el);
  }
  return new XMLSerializer().serializeToString(doc);
}

export interface SignedXmlSetup {
  /** Key handed to the algorithm; an external signer ignores it. */
  privateKey: string;
  /** Signing certificate first, then its issuers: all go into `KeyInfo/X509Data`. */
  certificates: X509Certificate[];
  signatureAlgorithm: string;
  /** Replaces the algorithm's implementation (external signers). */
  algorithm?: new () => SignatureAlgorithm;
}

/** One enveloped, whole-document reference; `X509SubjectName` next to the certificates. */
export function signedXmlFor(setup: SignedXmlSetup): SignedXml {
  const subjectName = escapeXml(rfc2253(setup.certificates[0]!.subject));
  const sig = new SignedXml({
    privateKey: setup.privateKey,
    publicCert: setup.certificates.map((c) => c.toString()).join('\n'),
    signatureAlgorithm: setup.signatureAlgorithm,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: (args) => {
      const base = SignedXml.getKeyInfoContent(args ?? {});
      // Deployed packets carry X509SubjectName next to the certificate (standards.md §1.7).
      return base
        ? base.replace('<X509Data>', `<X509Data><X509SubjectName>${subjectName}</X509SubjectName>`)
        : base;
    },
  });
  if (setup.algorithm) sig.SignatureAlgorithms[setup.signatureAlgorithm] = setup.algorithm;
  sig.addReference({
    xpath: '/*',
    transforms: [ENVELOPED, EXC_C14N],
    digestAlgorithm: SHA256,
    isEmptyUri: true,
  });
  return sig;
}

export const SIGNATURE_LOCATION = { reference: HEADER_XPATH, action: 'append' as const };
