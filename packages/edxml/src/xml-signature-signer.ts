/**
 * Enveloped XML-DSig made by a signer that keeps its private key to itself — a PKCS#12 file opened
 * by the server, a token, a remote signing service (standards.md §1.7: sign with the agency
 * certificate). The signer only signs bytes; this module builds what it signs and the block.
 */
import { X509Certificate, verify as cryptoVerify } from 'node:crypto';
import type { SignatureAlgorithm } from 'xml-crypto';
import { EdxmlError } from './errors.js';
import {
  ECDSA_SHA256,
  RSA_SHA256,
  SIGNATURE_LOCATION,
  signedXmlFor,
  unsignedPacket,
} from './xml-signature-common.js';

export interface ExternalPacketSigner {
  /** The signing certificate: PEM text or DER bytes. */
  certificate: string | Uint8Array;
  /** Its issuers (PEM or DER), published in `KeyInfo` so a verifier can reach a trusted root. */
  chain?: readonly (string | Uint8Array)[];
  /**
   * Signs `data` with SHA-256 and returns the raw value: PKCS#1 v1.5 for an RSA key, a DER
   * `ECDSA-Sig-Value` for an EC key (what `crypto.sign`, PKCS#11 and CMS signers return).
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** XML-DSig wants r‖s, each as long as the curve's order (RFC 4050 / xmldsig-core1 §6.4.3). */
const EC_FIELD_BYTES: Record<string, number> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

function certificateOf(input: string | Uint8Array, what: string): X509Certificate {
  try {
    return new X509Certificate(typeof input === 'string' ? input : Buffer.from(input));
  } catch (cause) {
    throw new EdxmlError('edxml.signing_failed', `The ${what} cannot be read`, { cause });
  }
}

function derLength(der: Uint8Array, at: number): { length: number; next: number } {
  const first = der[at]!;
  if (first < 0x80) return { length: first, next: at + 1 };
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[at + 1 + i]!;
  return { length, next: at + 1 + count };
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → r‖s, each left-padded to `size` bytes. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Buffer {
  if (der[0] !== 0x30) throw new Error('not a DER ECDSA signature');
  let at = derLength(der, 1).next;
  const parts: Buffer[] = [];
  for (let i = 0; i < 2; i++) {
    if (der[at] !== 0x02) throw new Error('not a DER ECDSA signature');
    const { length, next } = derLength(der, at + 1);
    let value = Buffer.from(der.subarray(next, next + length));
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new Error('ECDSA value longer than the curve');
    parts.push(Buffer.concat([Buffer.alloc(size - value.length), value]));
    at = next + length;
  }
  return Buffer.concat(parts);
}

interface KeyPlan {
  uri: string;
  /** The signer's raw value as the base64 `SignatureValue`. */
  encode(raw: Uint8Array): string;
  /** Checks the value against the certificate before it goes into the packet. */
  check(data: Buffer, raw: Uint8Array): boolean;
}

function planFor(cert: X509Certificate): KeyPlan {
  const key = cert.publicKey;
  if (key.asymmetricKeyType === 'rsa')
    return {
      uri: RSA_SHA256,
      encode: (raw) => Buffer.from(raw).toString('base64'),
      check: (data, raw) => cryptoVerify('sha256', data, key, raw),
    };
  const size = EC_FIELD_BYTES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (key.asymmetricKeyType === 'ec' && size)
    return {
      uri: ECDSA_SHA256,
      encode: (raw) => ecdsaDerToRaw(raw, size).toString('base64'),
      check: (data, raw) => cryptoVerify('sha256', data, key, raw),
    };
  throw new EdxmlError(
    'edxml.signing_failed',
    `Unsupported key in the signing certificate (${key.asymmetricKeyType ?? 'unknown'}): RSA or EC P-256/384/521 expected`,
  );
}

/** xml-crypto's algorithm slot, filled by the external signer (asynchronous calls only). */
function externalAlgorithm(plan: KeyPlan, signer: ExternalPacketSigner) {
  return class {
    getSignature(
      signedInfo: string | Uint8Array,
      _key: unknown,
      callback?: (err: Error | null, value?: string) => void,
    ): void {
      if (!callback) throw new Error('an external signer signs asynchronously');
      const data = typeof signedInfo === 'string' ? Buffer.from(signedInfo, 'utf8') : signedInfo;
      const bytes = Buffer.from(data);
      signer.sign(bytes).then(
        (raw) => {
          if (!plan.check(bytes, raw))
            return callback(
              new EdxmlError(
                'edxml.signing_failed',
                'The signature does not match the certificate (wrong key for this certificate?)',
              ),
            );
          callback(null, plan.encode(raw));
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    verifySignature(): boolean {
      throw new Error('an external signer does not verify');
    }
    getAlgorithmName(): string {
      return plan.uri;
    }
  } as unknown as new () => SignatureAlgorithm;
}

/**
 * Signs a packet through `signer` — same block as `signPacket` (RSA-SHA256, or ECDSA-SHA256 for an
 * EC certificate), with the issuers from `chain` added to `KeyInfo`. RSA signatures are
 * deterministic: the same packet and key give the same bytes.
 */
export async function signPacketWith(
  xml: string | Uint8Array,
  signer: ExternalPacketSigner,
): Promise<string> {
  const cert = certificateOf(signer.certificate, 'signing certificate');
  const chain = (signer.chain ?? []).map((c) => certificateOf(c, 'certificate chain'));
  const plan = planFor(cert);
  const unsigned = unsignedPacket(xml);
  const sig = signedXmlFor({
    privateKey: 'held-by-the-external-signer',
    certificates: [cert, ...chain],
    signatureAlgorithm: plan.uri,
    algorithm: externalAlgorithm(plan, signer),
  });
  await new Promise<void>((resolve, reject) => {
    try {
      sig.computeSignature(unsigned, { location: SIGNATURE_LOCATION }, (error) =>
        error ? reject(error) : resolve(),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  }).catch((cause: unknown) => {
    if (cause instanceof EdxmlError) throw cause;
    throw new EdxmlError('edxml.signing_failed', 'Computing the XML signature failed', { cause });
  });
  return sig.getSignedXml();
}
