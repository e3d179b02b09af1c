import {
  constants,
  createHash,
  createPrivateKey,
  privateEncrypt,
  verify,
  X509Certificate,
} from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATION } from './demo-ca.js';
import { SigningError } from './errors.js';
import { signPersonal } from './pades.js';
import { Pkcs12Signer, type Signer } from './signer.js';
import { demoPersonalSignature } from './signature-images.js';
import { makeDecisionPdf } from './testing/documents.js';
import { demoPki, signingTime, validity } from './testing/pki.js';
import { verifyPdfSignatures } from './verify.js';

const pki = demoPki();

describe('Pkcs12Signer', () => {
  it('opens a demo PKCS#12 and describes its certificate, marked DEMO', () => {
    const info = pki.personSigner.describe();
    expect(info).toMatchObject({
      commonName: 'Nguyễn Văn An',
      organization: DEMO_ORGANIZATION,
      issuerCommonName: 'Vanban DEMO Root CA',
      validFrom: validity.validFrom,
      validTo: validity.validTo,
    });
    expect(info.subject).toBe(
      `CN=Nguyễn Văn An, OU=UBND Thành phố Hà Nội, O=${DEMO_ORGANIZATION}, L=Hà Nội, C=VN`,
    );
    const [leaf, root] = pki.personSigner.certificateChain().map((p) => new X509Certificate(p));
    expect(leaf!.checkIssued(root!)).toBe(true);
    expect(root!.ca).toBe(true);
  });

  it('refuses a wrong password or a file that is not PKCS#12', () => {
    const wrong = () => Pkcs12Signer.fromPkcs12(pki.person.pkcs12, 'not the password');
    expect(wrong).toThrow(SigningError);
    expect(wrong).toThrow(expect.objectContaining({ code: 'signing.pkcs12_invalid' }));
    expect(() => Pkcs12Signer.fromPkcs12(Buffer.from('%PDF-1.7'), 'x')).toThrow(
      expect.objectContaining({ code: 'signing.pkcs12_invalid' }),
    );
  });

  it('makes RSA PKCS#1 v1.5 SHA-256 signatures', async () => {
    const data = Buffer.from('signed attributes');
    const signature = await pki.personSigner.sign(data);
    const cert = new X509Certificate(pki.person.certificatePem);
    expect(cert.publicKey.asymmetricKeyType).toBe('rsa');
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(verify('sha256', data, cert.publicKey, signature)).toBe(true);
  });
});

/**
 * A provider that, like remote-signing APIs and tokens, signs a SHA-256 digest (DigestInfo padded
 * with PKCS#1 v1.5) and never sees the document: the Signer interface is enough for it.
 */
class DigestOnlySigner implements Signer {
  readonly calls: Buffer[] = [];
  private readonly key;
  constructor(
    private readonly inner: Pkcs12Signer,
    p12: Buffer,
    password: string,
  ) {
    const pfx = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
      false,
      password,
    );
    const bag = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ]![0]!;
    this.key = createPrivateKey(forge.pki.privateKeyToPem(bag.key!));
  }
  certificateChain() {
    return this.inner.certificateChain();
  }
  describe() {
    return this.inner.describe();
  }
  async sign(toBeSigned: Uint8Array) {
    const digest = createHash('sha256').update(toBeSigned).digest();
    this.calls.push(digest);
    // DigestInfo { sha256, digest }, padded and raised to the private exponent: what a card does.
    const digestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
    return privateEncrypt(
      { key: this.key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([digestInfoPrefix, digest]),
    );
  }
}

describe('the Signer interface', () => {
  it('lets a digest-signing provider make a valid PAdES signature', async () => {
    const { pdf } = await makeDecisionPdf();
    const signer = new DigestOnlySigner(pki.personSigner, pki.person.pkcs12, pki.person.password);
    const signed = await signPersonal(pdf, {
      signer,
      image: demoPersonalSignature('Nguyễn Văn An'),
      signingTime,
    });
    expect(signer.calls).toHaveLength(1);
    const [check] = await verifyPdfSignatures(signed.pdf, {
      trustAnchors: [pki.ca.certificatePem],
    });
    expect(check).toMatchObject({ intact: true, pades: true, trusted: true, problems: [] });
  });
});
