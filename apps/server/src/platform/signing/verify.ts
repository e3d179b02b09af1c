import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from '@cantoo/pdf-lib';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describeCertificate, orderChain, type CertificateInfo } from './certificates.js';
import { OID } from './cms.js';
import { SigningError } from './errors.js';
import { signatureWidgets } from './fields.js';

/** One signature as the document page's verification badge needs it. */
export interface SignatureCheck {
  fieldName: string;
  signer: CertificateInfo | null;
  /** The claimed time, /M (PAdES B-B has no trusted time). */
  signingTime: Date | null;
  reason: string | null;
  location: string | null;
  subFilter: string | null;
  byteRange: number[];
  /** False for every signature but the last when later revisions were appended (normal). */
  coversWholeDocument: boolean;
  /** The signed bytes hash to the signed digest and the CMS signature verifies. */
  intact: boolean;
  /** ETSI.CAdES.detached with a signing-certificate-v2 that names the signer's certificate. */
  pades: boolean;
  certificateValidAtSigningTime: boolean;
  /** The chain reaches one of the trust anchors; null when none were given. No revocation check. */
  trusted: boolean | null;
  /** Why `intact` or `pades` is false, e.g. `digest_mismatch`, `bad_signature`. */
  problems: string[];
}

const hashNames: Record<string, string> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

/**
 * Signature algorithms node's `verify` checks as they are by default: RSA PKCS#1 v1.5 (bare or
 * with SHA-1/256/384/512) and ECDSA with SHA-256/384/512. RSA-PSS needs parameters: not yet.
 */
const pkcs1AndEcdsa = new Set([
  OID.rsaEncryption,
  '1.2.840.113549.1.1.5',
  OID.sha256WithRsa,
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  OID.ecdsaWithSha256,
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);

function text(value: PDFString | PDFHexString | undefined): string | null {
  return value?.decodeText() ?? null;
}

/** The CMS DER from the hex between `<` and `>`, without the zero padding after it. */
function cmsFromGap(gap: Buffer): Buffer {
  const der = Buffer.from(gap.toString('latin1').replace(/[^0-9a-fA-F]/g, ''), 'hex');
  const parsed = asn1js.fromBER(new Uint8Array(der));
  return parsed.offset > 0 ? der.subarray(0, parsed.offset) : der;
}

function attributeValue(info: pkijs.SignerInfo, oid: string) {
  return info.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

/**
 * Whether the first ESSCertIDv2 of a signing-certificate-v2 value hashes the signer's certificate
 * (RFC 5035: `{ hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }`).
 */
function essCertMatches(value: unknown, leaf: X509Certificate): boolean {
  const items = (v: unknown) => (v instanceof asn1js.Sequence ? v.valueBlock.value : []);
  const [certs] = items(value);
  const [certId] = items(certs);
  const [head, second] = items(certId);
  let hash = 'sha256';
  if (head instanceof asn1js.Sequence) {
    const oid = new pkijs.AlgorithmIdentifier({ schema: head }).algorithmId;
    hash = hashNames[oid] ?? '';
  }
  const certHash = head instanceof asn1js.Sequence ? second : head;
  return (
    hash !== '' &&
    certHash instanceof asn1js.OctetString &&
    Buffer.from(certHash.valueBlock.valueHexView).equals(createHash(hash).update(leaf.raw).digest())
  );
}

/** Checks the CMS against the signed bytes, fills `check`, returns the signer's chain (leaf first). */
function checkCms(cms: Buffer, signed: Buffer, check: SignatureCheck): X509Certificate[] {
  const signedData = new pkijs.SignedData({
    schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content,
  });
  const info = signedData.signerInfos[0];
  const certs = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER())));
  const sid = info?.sid;
  const leafIndex = (signedData.certificates ?? []).findIndex(
    (c) =>
      c instanceof pkijs.Certificate &&
      sid instanceof pkijs.IssuerAndSerialNumber &&
      c.issuer.isEqual(sid.issuer) &&
      c.serialNumber.isEqual(sid.serialNumber),
  );
  const leaf = certs[leafIndex];
  if (!info || !leaf) {
    check.problems.push('signer_certificate_missing');
    return [];
  }
  const hash = hashNames[info.digestAlgorithm.algorithmId];
  if (!hash) {
    check.problems.push('unsupported_digest');
    return [leaf, ...certs.filter((c) => c !== leaf)];
  }
  const digest = createHash(hash).update(signed).digest();
  let toVerify = signed;
  if (info.signedAttrs) {
    const claimed = attributeValue(info, OID.messageDigest) as asn1js.OctetString | undefined;
    if (!claimed || !Buffer.from(claimed.valueBlock.valueHexView).equals(digest))
      check.problems.push('digest_mismatch');
    toVerify = Buffer.from(info.signedAttrs.encodedValue);
    toVerify[0] = 0x31; // signed as a SET, stored as [0]
    const matches = essCertMatches(attributeValue(info, OID.signingCertificateV2), leaf);
    check.pades = check.subFilter === 'ETSI.CAdES.detached' && matches;
    if (!matches) check.problems.push('signing_certificate_v2_missing');
  }
  const signature = Buffer.from(info.signature.valueBlock.valueHexView);
  if (!pkcs1AndEcdsa.has(info.signatureAlgorithm.algorithmId))
    check.problems.push('unsupported_algorithm');
  else if (!cryptoVerify(hash, toVerify, leaf.publicKey, signature))
    check.problems.push('bad_signature');
  check.intact = !check.problems.some((p) =>
    ['digest_mismatch', 'bad_signature', 'unsupported_algorithm', 'byte_range_invalid'].includes(p),
  );
  return [leaf, ...certs.filter((c) => c !== leaf)];
}

function chainTrusted(certs: X509Certificate[], anchors: X509Certificate[], at: Date): boolean {
  const [leaf, ...others] = certs;
  if (!leaf) return false;
  const chain = orderChain(leaf, [...others, ...anchors]);
  const validAt = (c: X509Certificate) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
  const top = chain[chain.length - 1]!;
  const anchored = anchors.some(
    (a) =>
      a.fingerprint256 === top.fingerprint256 || (top.checkIssued(a) && top.verify(a.publicKey)),
  );
  return anchored && chain.every(validAt);
}

/**
 * Lists the signatures of a PDF with an integrity check of each: the /ByteRange must leave out
 * exactly the /Contents hex string, the bytes it covers must hash to the CMS messageDigest, and
 * the CMS signature must verify with the signer's certificate. `trustAnchors` (PEM) adds a chain
 * check at the signing time; revocation (OCSP/CRL) is not checked.
 */
export async function verifyPdfSignatures(
  pdf: Uint8Array,
  options: { trustAnchors?: string[] } = {},
): Promise<SignatureCheck[]> {
  const bytes = Buffer.from(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new SigningError('signing.pdf_invalid', (error as Error).message, error);
  }
  const anchors = (options.trustAnchors ?? []).map((pem) => new X509Certificate(pem));
  const checks: SignatureCheck[] = [];
  for (const widget of signatureWidgets(doc)) {
    const sig = widget.signature;
    if (!sig) continue;
    const byteRange = (sig.lookupMaybe(PDFName.of('ByteRange'), PDFArray)?.asArray() ?? []).map(
      (n) => (n instanceof PDFNumber ? n.asNumber() : -1),
    );
    const subFilter = sig.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? null;
    const m = sig.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString);
    const check: SignatureCheck = {
      fieldName: widget.name,
      signer: null,
      signingTime: m ? m.decodeDate() : null,
      reason: text(sig.lookupMaybe(PDFName.of('Reason'), PDFString, PDFHexString)),
      location: text(sig.lookupMaybe(PDFName.of('Location'), PDFString, PDFHexString)),
      subFilter,
      byteRange,
      coversWholeDocument: false,
      intact: false,
      pades: false,
      certificateValidAtSigningTime: false,
      trusted: anchors.length ? false : null,
      problems: [],
    };
    checks.push(check);
    const [a, b, c, d] = byteRange as [number, number, number, number];
    const shapeOk =
      byteRange.length === 4 && a === 0 && b > 0 && c > b && d >= 0 && c + d <= bytes.length;
    // The gap must be exactly the /Contents string, or bytes could hide outside the signature.
    if (!shapeOk || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) {
      check.problems.push('byte_range_invalid');
      continue;
    }
    check.coversWholeDocument = c + d === bytes.length;
    const signed = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
    let certs: X509Certificate[];
    try {
      certs = checkCms(cmsFromGap(bytes.subarray(b + 1, c - 1)), signed, check);
    } catch {
      check.problems.push('cms_invalid');
      continue;
    }
    if (!certs[0]) continue;
    check.signer = describeCertificate(certs[0].raw);
    const at = check.signingTime ?? new Date();
    check.certificateValidAtSigningTime =
      check.signer.validFrom <= at && at <= check.signer.validTo;
    if (anchors.length) check.trusted = chainTrusted(certs, anchors, at);
  }
  return checks;
}
