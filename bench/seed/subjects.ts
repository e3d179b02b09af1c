import type { Rng } from '../lib/random.js';
import { RARE_PROJECTS, STREETS, WARD_NAMES } from './names.js';

/**
 * Subjects (trích yếu), body text, directions and results, built from phrase lists so a million
 * documents read like a real register: varied, with diacritics, with a few common themes (broad
 * searches) and rare named projects (selective searches).
 */

const list = (s: string): readonly string[] => s.split('|');

const TOPICS = list(
  'cải cách hành chính|chuyển đổi số|phòng cháy, chữa cháy|an toàn thực phẩm|' +
    'giải phóng mặt bằng|quản lý trật tự xây dựng|bồi dưỡng cán bộ, công chức|' +
    'tuyển dụng viên chức|thi đua, khen thưởng|phòng, chống tham nhũng|tiếp công dân|' +
    'giải quyết khiếu nại, tố cáo|thu ngân sách nhà nước|đầu tư công|quản lý tài sản công|' +
    'bảo vệ môi trường|thu gom, xử lý rác thải|phòng, chống thiên tai|phòng, chống dịch bệnh|' +
    'tiêm chủng mở rộng|bảo hiểm xã hội|bảo hiểm y tế|an sinh xã hội|giảm nghèo bền vững|' +
    'xây dựng nông thôn mới|quản lý đất đai|cấp giấy chứng nhận quyền sử dụng đất|' +
    'quy hoạch sử dụng đất|chỉnh trang đô thị|an toàn giao thông|trật tự vỉa hè, lòng đường|' +
    'quản lý thị trường|phát triển doanh nghiệp|thu hút đầu tư|du lịch|lễ hội truyền thống|' +
    'di tích lịch sử - văn hóa|tuyển sinh đầu cấp|an ninh trật tự|quốc phòng địa phương|' +
    'tuyển quân|dân số và phát triển|công tác dân tộc, tôn giáo|văn thư, lưu trữ|' +
    'ứng dụng công nghệ thông tin|dịch vụ công trực tuyến|chữ ký số|cơ sở dữ liệu dân cư|' +
    'định danh và xác thực điện tử|thực hành tiết kiệm, chống lãng phí|kiểm soát thủ tục hành chính|' +
    'sắp xếp đơn vị hành chính|vị trí việc làm|tinh giản biên chế|chế độ, chính sách|' +
    'quyết toán vốn đầu tư|giải ngân vốn đầu tư công|kiểm tra, giám sát|phổ biến, giáo dục pháp luật',
);

const LETTER_VERBS = list(
  'V/v triển khai|V/v tăng cường|V/v đôn đốc thực hiện|V/v báo cáo kết quả|' +
    'V/v góp ý dự thảo|V/v hướng dẫn thực hiện|V/v rà soát|V/v đề nghị phối hợp|' +
    'V/v cung cấp thông tin về|V/v chấn chỉnh|V/v kiểm tra|V/v tổng hợp số liệu|' +
    'V/v đề xuất kinh phí|V/v trả lời kiến nghị về|V/v chuẩn bị nội dung làm việc về',
);

const DECISION_VERBS = list(
  'Về việc phê duyệt kế hoạch|Về việc thành lập Tổ công tác|Về việc ban hành Quy chế|' +
    'Về việc giao chỉ tiêu|Về việc điều chỉnh dự toán|Về việc khen thưởng thành tích|' +
    'Về việc phân bổ kinh phí|Về việc công nhận kết quả|Về việc kiện toàn Ban chỉ đạo',
);

const PERIODS = list(
  'quý I năm|quý II năm|quý III năm|quý IV năm|6 tháng đầu năm|9 tháng năm|tháng 1 năm|' +
    'tháng 3 năm|tháng 5 năm|tháng 7 năm|tháng 9 năm|tháng 11 năm|năm',
);

const MEETINGS = list(
  'dự họp giao ban|dự hội nghị sơ kết|dự hội nghị tổng kết|dự buổi làm việc|' +
    'dự hội nghị tập huấn|dự lễ phát động|dự hội thảo|dự họp Ban chỉ đạo',
);

function place(rng: Rng): string {
  return rng.chance(0.5) ? `phường ${rng.pick(WARD_NAMES)}` : `tuyến đường ${rng.pick(STREETS)}`;
}

/** Trích yếu for a document type, year given for "năm 2025"-style phrases. */
export function subjectFor(rng: Rng, docType: string, year: number): string {
  const topic = rng.pick(TOPICS);
  const where = rng.chance(0.3) ? ` trên địa bàn ${place(rng)}` : ' trên địa bàn thành phố';
  const rare = rng.chance(0.004) ? ` thuộc dự án ${rng.pick(RARE_PROJECTS)}` : '';
  switch (docType) {
    case 'decision':
    case 'legal_decision':
      return `${rng.pick(DECISION_VERBS)} ${topic}${rare} năm ${year}`;
    case 'plan':
      return `Kế hoạch ${topic}${where} năm ${year}`;
    case 'report':
      return `Báo cáo kết quả công tác ${topic} ${rng.pick(PERIODS)} ${year}`;
    case 'invitation':
      return `Giấy mời ${rng.pick(MEETINGS)} về công tác ${topic}`;
    case 'notice':
      return `Thông báo kết luận của Chủ tịch Ủy ban nhân dân về ${topic}${rare}${where}`;
    case 'directive':
      return `Chỉ thị về tăng cường công tác ${topic}${where}`;
    case 'guidance':
      return `Hướng dẫn thực hiện ${topic} năm ${year}`;
    case 'submission':
      return `Tờ trình đề nghị phê duyệt ${topic}${rare}`;
    case 'minutes':
      return `Biên bản kiểm tra công tác ${topic}${where}`;
    case 'official_telegram':
      return `Công điện về việc chủ động ứng phó, ${topic}`;
    default:
      return `${rng.pick(LETTER_VERBS)} ${topic}${rare}${where}`;
  }
}

const OPENINGS = list(
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015|' +
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư|' +
    'Thực hiện chỉ đạo của Ủy ban nhân dân thành phố|' +
    'Căn cứ Kế hoạch công tác năm đã được phê duyệt|' +
    'Thực hiện Nghị quyết của Hội đồng nhân dân thành phố',
);

const BODY = list(
  'Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện, bảo đảm đúng tiến độ|' +
    'Tổng hợp kết quả và báo cáo về Văn phòng trước ngày 25 hằng tháng|' +
    'Giao Thủ trưởng các đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân|' +
    'Trong quá trình thực hiện, nếu có vướng mắc, phản ánh kịp thời để được hướng dẫn|' +
    'Tăng cường kiểm tra, giám sát, xử lý nghiêm các trường hợp vi phạm|' +
    'Bố trí kinh phí từ nguồn ngân sách được giao|' +
    'Rà soát, cập nhật số liệu vào hệ thống cơ sở dữ liệu dùng chung|' +
    'Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân|' +
    'Phối hợp chặt chẽ với Công an, Ban Chỉ huy Quân sự và các đơn vị liên quan',
);

/** The extracted text of the main file: opening, subject, two or three instructions. */
export function contentFor(rng: Rng, subject: string): string {
  const parts = [`${rng.pick(OPENINGS)};`, `${subject}.`];
  for (let i = rng.int(2, 4); i > 0; i--) parts.push(`${rng.pick(BODY)}.`);
  if (rng.chance(0.2)) parts.push(`Địa điểm: ${rng.pick(STREETS)}, ${place(rng)}.`);
  return parts.join(' ');
}

const DIRECTIONS = list(
  'chủ trì, phối hợp các đơn vị liên quan tham mưu, báo cáo|nghiên cứu, đề xuất phương án xử lý|' +
    'tham mưu văn bản trả lời|tổng hợp, báo cáo kết quả|triển khai thực hiện theo quy định|' +
    'kiểm tra, xác minh và báo cáo',
);

export function directionFor(rng: Rng, unitName: string): string {
  return `Giao ${unitName} ${rng.pick(DIRECTIONS)}.`;
}

const RESULTS = list(
  'Đã tham mưu văn bản trả lời|Đã triển khai thực hiện|Đã báo cáo kết quả|' +
    'Đã tổng hợp và gửi báo cáo|Đã lưu hồ sơ theo dõi',
);

export function resultFor(rng: Rng): string {
  return `${rng.pick(RESULTS)}.`;
}

const COMMENTS = list(
  'Đề nghị bổ sung số liệu quý trước.|Đã trao đổi với đơn vị phối hợp.|' +
    'Xin ý kiến lãnh đạo về phương án xử lý.|Đang chờ ý kiến của Sở Tài chính.',
);

export function commentFor(rng: Rng): string {
  return rng.pick(COMMENTS);
}
