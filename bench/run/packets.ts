import forge from 'node-forge';
import {
  buildPacketBuffer,
  dateToVietnamIso,
  makeDocumentId,
  StatusCode,
  type DocumentPacketSpec,
} from '@vanban/edxml';
import { documentPacketSpec } from '../../apps/server/src/modules/exchange/exchange.models.js';
import { createDemoCa } from '../../apps/server/src/platform/signing/index.js';
import { buildPdf, wrap } from '../lib/pdf.js';

/**
 * Packets for the edXML and hub benchmarks: an issued document as the exchange connector maps it
 * (`documentPacketSpec`, exchange.models.ts) with one PDF sized so the packet is 370 KB — a
 * typical one-attachment packet of the national axis ("a few hundred KB", standards.md §1.3) —
 * and the status packet a receiving agency sends back.
 */

export const PACKET_BYTES = 370 * 1024;

export interface Endpoint {
  code: string;
  name: string;
}

export const HANOI: Endpoint = { code: '000.00.00.H26', name: 'Ủy ban nhân dân thành phố Hà Nội' };
export const HCMC: Endpoint = {
  code: '000.00.00.H29',
  name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
};

const ISSUE_DATE = '2026-03-05';

function spec(number: number, pdf: Buffer, from: Endpoint, to: Endpoint): DocumentPacketSpec {
  return documentPacketSpec({
    from: { ...from, address: '12 Lê Lai, phường Hoàn Kiếm, Hà Nội' },
    to: [to],
    reference: `${number}/UBND-KGVX`,
    issueDate: ISSUE_DATE,
    place: 'Hà Nội',
    docType: 'official_letter',
    subject: `V/v phối hợp triển khai kế hoạch chuyển đổi số và liên thông văn bản điện tử năm 2026 (số ${number})`,
    signer: { name: 'Nguyễn Văn Phong', position: 'Phó Chủ tịch' },
    urgency: 'urgent',
    pageCount: 3,
    business: { type: 'new' },
    files: [
      { name: `Công văn ${number}-UBND-KGVX.pdf`, data: pdf, contentType: 'application/pdf' },
    ],
  });
}

/** Builds document packets of about `PACKET_BYTES` with a unique number each. */
export class DocumentPackets {
  private readonly pdf: Buffer;

  constructor(
    readonly from: Endpoint = HANOI,
    readonly to: Endpoint = HCMC,
  ) {
    const text = wrap(
      'Cong van ve viec phoi hop trien khai ke hoach chuyen doi so va lien thong van ban dien tu.',
    );
    const make = (size: number) =>
      buildPdf({ pages: [text, ['Trang 2'], ['Trang 3']], size, fill: 'edxml-bench ' });
    // base64 adds a third; correct once for the XML around the attachment.
    let pdf = make(Math.round((PACKET_BYTES * 3) / 4));
    const overhead =
      buildPacketBuffer(spec(1, pdf, from, to)).length - Math.ceil(pdf.length / 3) * 4;
    pdf = make(Math.floor(((PACKET_BYTES - overhead) * 3) / 4));
    this.pdf = pdf;
  }

  spec(number: number): DocumentPacketSpec {
    return spec(number, this.pdf, this.from, this.to);
  }

  build(number: number): Buffer {
    return buildPacketBuffer(this.spec(number));
  }

  /** The status packet the receiver sends for document `number` (03: accepted, registered). */
  status(number: number, at: Date): Buffer {
    const header = this.spec(number).header;
    return buildPacketBuffer({
      kind: 'status',
      status: {
        from: { organId: this.to.code, organName: this.to.name },
        responseFor: {
          organId: this.from.code,
          code: `${header.code.codeNumber}/${header.code.codeNotation}`,
          promulgationDate: ISSUE_DATE,
          documentId: makeDocumentId(header),
        },
        staffInfo: { department: 'Văn phòng', staff: 'Phạm Thu Hà' },
        statusCode: StatusCode.Accepted,
        description: 'Đã tiếp nhận văn bản',
        timestamp: dateToVietnamIso(at)!,
      },
    });
  }
}

/** The number of a packet from its header (the first `CodeNumber` element), without parsing it. */
export function packetNumber(bytes: Buffer): number | null {
  const head = bytes.subarray(0, 64 * 1024).toString('utf8');
  const m = /<(?:[\w-]+:)?CodeNumber\b[^>]*>\s*(\d+)\s*</.exec(head);
  return m ? Number(m[1]) : null;
}

export interface PacketSigner {
  caPem: string;
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * An agency's signing identity issued by the app's demo CA (`createDemoCa`, the same code as the
 * demo city's PKI); the key comes out of its PKCS#12 as PEM for the XML signature.
 */
export function packetSigner(agencyName: string): PacketSigner {
  const ca = createDemoCa();
  const identity = ca.issue({
    commonName: `Văn thư - ${agencyName}`,
    organizationalUnit: agencyName,
  });
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(identity.pkcs12.toString('binary'))),
    false,
    identity.password,
  );
  const oid = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const key = p12.getBags({ bagType: oid })[oid]?.[0]?.key;
  if (!key) throw new Error('the demo PKCS#12 holds no key');
  return {
    caPem: ca.certificatePem,
    privateKeyPem: forge.pki.privateKeyToPem(key),
    certificatePem: identity.certificatePem,
  };
}
