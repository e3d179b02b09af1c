/** Shared packet specs for the tests (not part of the public API). */
import type { BusinessInfo, DocumentPacketSpec, StatusPacketSpec } from '../types.js';

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

export function richDocumentSpec(business?: BusinessInfo): DocumentPacketSpec {
  return {
    kind: 'document',
    header: {
      from: {
        organId: '000.00.00.H26',
        organizationInCharge: 'Ủy ban nhân dân thành phố Hà Nội',
        organName: 'Văn phòng UBND thành phố Hà Nội',
        organAdd: '12 Lê Lai, Hoàn Kiếm, Hà Nội',
        email: 'vanthu@hanoi.gov.vn',
        telephone: '024 3825 3536',
        fax: '024 3825 3537',
        website: 'hanoi.gov.vn',
      },
      to: [
        { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
        { organId: 'G09.20', organName: 'Văn phòng Bộ Nội vụ', email: 'vp@moha.gov.vn' },
        { organId: 'H37.02.02', organName: 'Sở Khoa học và Công nghệ' },
      ],
      code: { codeNumber: '24', codeNotation: '2025/QĐ-UBND' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2025-03-05' },
      documentType: { type: 1, typeDetail: 8, typeName: 'Quyết định' },
      subject: 'Ban hành Quy chế phối hợp <liên thông> văn bản điện tử & quản lý hồ sơ',
      content:
        'Điều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực từ ngày ký.',
      signerInfo: {
        competence: 'TM. ỦY BAN NHÂN DÂN',
        position: 'Chủ tịch',
        fullName: 'Trần Sỹ Thanh',
      },
      dueDate: '2025-03-31',
      toPlaces: ['Như Điều 3', 'Thường trực Thành ủy', 'Lưu: VT, KGVX'],
      otherInfo: {
        priority: 2,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'KGVX',
        promulgationAmount: 20,
        pageAmount: 5,
        appendixes: ['Phụ lục I: Danh mục cơ quan', 'Phụ lục II: Biểu mẫu báo cáo'],
        direction: true,
      },
      responseFor: [
        {
          organId: '000.00.00.G22',
          code: '7816/VPCP-TTĐT',
          promulgationDate: '2015-09-30',
          documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
        },
        { organId: 'G09.20', code: '05/BNV-VP', promulgationDate: '2025-01-07' },
      ],
      steeringType: 2,
      documentId: '000.00.00.H26,2025/03/05,24/2025/QĐ-UBND',
    },
    traceHeaders: [
      { organId: '000.00.00.H26', timestamp: '2025-03-05T09:15:00' },
      { organId: '000.00.00.G22', timestamp: '2025-03-05T09:16:30' },
    ],
    business: business ?? { docType: 'new', reason: 'Văn bản điện tử mới', paper: 1 },
    attachments: [
      {
        name: 'Quyết định 24-2025 ký số.pdf',
        data: PDF_BYTES,
        description: 'Văn bản chính',
        contentId: 'cid:a1',
      },
      {
        name: 'Phụ lục – Danh sách đơn vị.xlsx',
        data: Buffer.from('PK\u0003\u0004 giả lập bảng tính'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        description: 'Phụ lục I',
      },
      {
        name: 'Ghi chú của văn thư.txt',
        data: Buffer.from('Đã kiểm tra thể thức.\n'),
        description: 'Ghi chú',
      },
    ],
  };
}

export const BUSINESS_VARIANTS: Record<string, BusinessInfo> = {
  new: { docType: 'new', reason: 'Văn bản điện tử mới', paper: 0 },
  revoke: {
    docType: 'revoke',
    reason: 'Thu hồi văn bản điện tử',
    documentId: '000.00.00.H26,2025/03/01,20/UBND-VX',
    paper: 0,
    staffInfo: {
      department: 'Văn phòng',
      staff: 'Nguyễn Thị Lan',
      mobile: '0912345678',
      email: 'lan@hanoi.gov.vn',
    },
  },
  update: {
    docType: 'update',
    reason: 'Cập nhật văn bản điện tử',
    documentId: '000.00.00.H26,2025/03/01,20/UBND-VX',
    paper: 1,
    documentInfo: {
      documentInfo: 1,
      documentReceiver: 1,
      receivers: [
        { organId: 'G09.20', change: 'removed' },
        { organId: '000.00.00.H41', change: 'added' },
      ],
    },
    staffInfo: { department: 'Văn phòng', staff: 'Nguyễn Thị Lan' },
  },
  replace: {
    docType: 'replace',
    reason: 'Thay thế văn bản điện tử',
    paper: 0,
    replacements: [
      { documentId: '000.00.00.H26,2025/02/01,10/QĐ-UBND', organIds: ['000.00.00.G22', 'G09.20'] },
      { documentId: '000.00.00.H26,2025/02/02,11/QĐ-UBND', organIds: ['H37.02.02'] },
    ],
  },
};

export function statusSpec(): StatusPacketSpec {
  return {
    kind: 'status',
    status: {
      from: { organId: '000.00.00.H54', organName: 'UBND tỉnh Thái Bình' },
      responseFor: {
        organId: '000.00.00.G22',
        code: '7816/VPCP-TTĐT',
        promulgationDate: '2015-09-30',
        documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
      },
      staffInfo: {
        department: 'Văn phòng UBND tỉnh',
        staff: 'Phạm Thu Hà',
        mobile: '0987654321',
        email: 'ha@thaibinh.gov.vn',
      },
      statusCode: '02',
      description: 'Từ chối tiếp nhận: văn bản gửi nhầm đơn vị',
      timestamp: '2015-10-01T08:05:10',
    },
  };
}
