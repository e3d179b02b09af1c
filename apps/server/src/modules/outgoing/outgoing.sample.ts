import { formatReference, getDocumentType } from '@vanban/edxml';
import {
  createDemoCa,
  demoAgencySeal,
  demoPersonalSignature,
  Pkcs12Signer,
  signAgency,
  signPersonal,
  stampNumber,
  verifyPdfSignatures,
  type SignatureCheck,
} from '../../platform/signing/index.js';
import { demoAgencies, demoUsers } from '../../seed/demo-city.data.js';
import { renderOfficialDocument, type OfficialDocumentInput } from './outgoing.layout.js';

/**
 * A sample issued document of the demo city, made by the whole outgoing pipeline without a
 * database: drawn (Decree 30 App. I), signed by the chairman, numbered and dated by the clerk,
 * sealed with the agency signature. Certificates come from a throwaway demo CA.
 */

const CITY = '000.00.00.H26';
const SIGNER = 'lanhdao.ubnd';

function demoCity() {
  const agency = demoAgencies.find((a) => a.code === CITY);
  const signer = demoUsers.find((u) => u.username === SIGNER);
  if (!agency || !signer?.position) throw new Error('The demo city data has changed');
  return { agency, signer: { name: signer.fullName, title: signer.position.title } };
}

/** A decision of Hanoi People's Committee approving a plan for digital document handling. */
export function sampleDecision(): OfficialDocumentInput {
  const { agency, signer } = demoCity();
  const type = getDocumentType('decision');
  return {
    agencyName: agency.name,
    docTypeName: type.name,
    isOfficialLetter: false,
    notationSuffix: `${type.abbreviation}-${agency.short_name}`,
    place: 'Hà Nội',
    subject:
      'Về việc phê duyệt Kế hoạch chuyển đổi số công tác văn thư, quản lý và xử lý văn bản của thành phố Hà Nội giai đoạn 2026 - 2030',
    body: [
      agency.name.toLocaleUpperCase('vi'),
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;',
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
      'Theo đề nghị của Giám đốc Sở Nội vụ.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Phê duyệt Kế hoạch chuyển đổi số công tác văn thư, quản lý và xử lý văn bản của thành phố Hà Nội giai đoạn 2026 - 2030 (kèm theo Quyết định này), với các mục tiêu chủ yếu sau:',
      'a) 100% văn bản đi, văn bản đến giữa các cơ quan hành chính nhà nước của thành phố được gửi, nhận dưới dạng điện tử qua Trục liên thông văn bản quốc gia, trừ văn bản mật;',
      'b) 100% văn bản điện tử do các cơ quan, đơn vị ban hành được ký số cá nhân và ký số cơ quan theo quy định tại Nghị định số 30/2020/NĐ-CP;',
      'c) Hồ sơ công việc được lập, quản lý và nộp lưu vào Lưu trữ cơ quan trên Hệ thống quản lý văn bản và điều hành.',
      'Điều 2. Sở Nội vụ chủ trì, phối hợp với Văn phòng Ủy ban nhân dân thành phố hướng dẫn, kiểm tra việc thực hiện Kế hoạch; định kỳ hằng quý tổng hợp, báo cáo Ủy ban nhân dân thành phố. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định. Ủy ban nhân dân các phường, xã căn cứ Kế hoạch xây dựng và triển khai kế hoạch của địa phương.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 4. Chánh Văn phòng Ủy ban nhân dân thành phố; Giám đốc các sở: Nội vụ, Tài chính, Khoa học và Công nghệ; Chủ tịch Ủy ban nhân dân các phường, xã và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.',
    ],
    // Decree 30 Art. 8: a collective body's document is signed "TM." (on behalf of) it.
    authority: 'TM. ỦY BAN NHÂN DÂN',
    // "Chủ tịch Ủy ban nhân dân thành phố" → "CHỦ TỊCH": the body is named by the authority line.
    signerPosition: signer.title.replace(/\s+Ủy ban nhân dân.*$/u, '').toLocaleUpperCase('vi'),
    signerName: signer.name,
    recipients: [
      '- Như Điều 4;',
      '- Thường trực Thành ủy;',
      '- Thường trực HĐND thành phố;',
      '- Chủ tịch, các Phó Chủ tịch UBND thành phố;',
      '- VP UBND thành phố: CVP, các PCVP;',
      '- Lưu: VT, SNV.',
    ],
  };
}

export interface SampleIssuedPdf {
  pdf: Buffer;
  /** Number and notation stamped after "Số:", e.g. `15/QĐ-UBND`. */
  reference: string;
  /** The demo root that issued both certificates: trust it to see the signatures as trusted. */
  caCertificatePem: string;
  checks: SignatureCheck[];
}

/**
 * render → personal signature (box 7c) → number and date (boxes 3, 4; Art. 15: after signing)
 * → agency signature with the seal over the signature's left third (box 8) → verification.
 */
export async function makeSampleIssuedPdf(
  options: { now?: Date; number?: number } = {},
): Promise<SampleIssuedPdf> {
  const now = options.now ?? new Date();
  const { agency, signer } = demoCity();
  const input = sampleDecision();
  const reference = formatReference({
    number: options.number ?? 15,
    notation: input.notationSuffix,
  });
  const validity = {
    validFrom: new Date(now.getTime() - 24 * 3600_000),
    validTo: new Date(now.getTime() + 3 * 365 * 24 * 3600_000),
  };
  const ca = createDemoCa(validity);
  const signerOf = (identity: { pkcs12: Buffer; password: string }) =>
    Pkcs12Signer.fromPkcs12(identity.pkcs12, identity.password);
  const person = signerOf(
    ca.issue({
      commonName: signer.name,
      organizationalUnit: agency.name,
      locality: input.place,
      ...validity,
    }),
  );
  const seal = signerOf(
    ca.issue({
      commonName: agency.name,
      organizationalUnit: agency.name,
      locality: input.place,
      ...validity,
    }),
  );

  const { pdf, boxes } = await renderOfficialDocument(input);
  const signed = await signPersonal(pdf, {
    signer: person,
    image: demoPersonalSignature(signer.name),
    box: boxes.signature,
    reason: 'Ký ban hành',
    location: input.place,
    signingTime: new Date(now.getTime() - 5 * 60_000),
  });
  const numbered = await stampNumber(signed.pdf, {
    reference,
    date: now,
    box: boxes.number,
    dateBox: boxes.date,
    place: input.place,
  });
  const issued = await signAgency(numbered, {
    signer: seal,
    sealImage: demoAgencySeal(agency.name),
    overlapWith: signed.box,
    reason: 'Phát hành',
    location: input.place,
    signingTime: now,
  });
  const checks = await verifyPdfSignatures(issued.pdf, { trustAnchors: [ca.certificatePem] });
  return { pdf: issued.pdf, reference, caCertificatePem: ca.certificatePem, checks };
}
