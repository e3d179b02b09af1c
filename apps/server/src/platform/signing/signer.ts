import { createPrivateKey, sign as cryptoSign, type KeyObject, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { describeCertificate, orderChain, type CertificateInfo } from './certificates.js';
import { SigningError } from './errors.js';

/**
 * Whoever holds the private key. The PAdES code never sees the key: it asks for the certificate
 * chain, builds the CMS signed attributes, and has them signed here. A remote-signing service
 * (ký số từ xa) or a USB token / HSM (PKCS#11) implements the same three methods.
 */
export interface Signer {
  /** X.509 certificates as PEM: the signer's own first, then its issuers (root optional). */
  certificateChain(): string[];
  /**
   * Signs `toBeSigned` — the DER of the CMS signed attributes — with SHA-256, and returns the raw
   * signature value: PKCS#1 v1.5 for RSA, a DER `ECDSA-Sig-Value` for EC keys. A provider that
   * signs a digest (most remote-signing APIs) sends `sha256(toBeSigned)`.
   */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
  /** Subject, issuer and validity of the signing certificate (the first of the chain). */
  describe(): CertificateInfo;
}

const signAsync = promisify(cryptoSign);

/** A software key from a PKCS#12 (.p12/.pfx) file: demo keys, or an agency's own soft token. */
export class Pkcs12Signer implements Signer {
  private constructor(
    private readonly key: KeyObject,
    private readonly chain: X509Certificate[],
  ) {}

  /** Opens the file; a wrong password or a file without a key and its certificate is refused. */
  static fromPkcs12(bytes: Uint8Array, password: string): Pkcs12Signer {
    let pfx: forge.pkcs12.Pkcs12Pfx;
    try {
      const asn1 = forge.asn1.fromDer(
        forge.util.createBuffer(Buffer.from(bytes).toString('binary')),
      );
      pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    } catch (error) {
      throw new SigningError('signing.pkcs12_invalid', 'Unreadable file or wrong password', error);
    }
    const bags = (type: string) => pfx.getBags({ bagType: type })[type] ?? [];
    const keyBag = [
      ...bags(forge.pki.oids.pkcs8ShroudedKeyBag!),
      ...bags(forge.pki.oids.keyBag!),
    ][0];
    if (!keyBag) throw new SigningError('signing.pkcs12_invalid', 'The file holds no private key');
    // forge decodes RSA keys only; for other keys it leaves the decrypted PrivateKeyInfo in asn1.
    const pkcs8 = keyBag.key
      ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key))
      : keyBag.asn1;
    const key = createPrivateKey({
      key: Buffer.from(forge.asn1.toDer(pkcs8).getBytes(), 'binary'),
      format: 'der',
      type: 'pkcs8',
    });
    // Likewise for certificates with a non-RSA key: forge leaves them as ASN.1.
    const certs = bags(forge.pki.oids.certBag!).map((bag) => {
      const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      return new X509Certificate(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
    });
    const leaf = certs.find((c) => c.checkPrivateKey(key));
    if (!leaf) throw new SigningError('signing.pkcs12_invalid', 'No certificate matches the key');
    return new Pkcs12Signer(key, orderChain(leaf, certs));
  }

  certificateChain(): string[] {
    return this.chain.map((c) => c.toString());
  }

  async sign(toBeSigned: Uint8Array): Promise<Uint8Array> {
    return signAsync('sha256', toBeSigned, this.key);
  }

  describe(): CertificateInfo {
    return describeCertificate(this.chain[0]!.raw);
  }
}
