import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './signer.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed
 * attributes, which PAdES B-B requires (ETSI EN 319 142-1 §5.1; stack-notes §4.3 — signer-p12
 * lacks it). SHA-256 is the DEFAULT hash algorithm, so DER leaves the identifier out.
 */
function signingCertificateV2(der: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })],
      }).toSchema(),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(der) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

const attribute = (type: string, value: asn1js.AsnType) =>
  new pkijs.Attribute({ type, values: [value] });

/**
 * A detached CMS SignedData over `content` (the PDF's /ByteRange bytes) for SubFilter
 * ETSI.CAdES.detached: signed attributes contentType, messageDigest, signingCertificateV2 and no
 * signingTime — PAdES puts the claimed time in the signature dictionary's /M instead.
 */
export async function createCadesDetached(content: Uint8Array, signer: Signer): Promise<Buffer> {
  const ders = signer.certificateChain().map((pem) => new X509Certificate(pem).raw);
  const certs = ders.map((der) => pkijs.Certificate.fromBER(der));
  const leaf = certs[0];
  if (!leaf) throw new Error('The signer has no certificate');
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: sha256(content) })),
      attribute(OID.signingCertificateV2, signingCertificateV2(ders[0]!, leaf)),
    ],
  });
  // What is signed is the attributes' DER with the SET tag, not the [0] they are stored under.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);

  const isEc = new X509Certificate(ders[0]!).publicKey.asymmetricKeyType === 'ec';
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: isEc
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({
          algorithmId: OID.sha256WithRsa,
          algorithmParams: new asn1js.Null(),
        }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certs,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return Buffer.from(contentInfo.toSchema().toBER());
}
