/** Vietnamese names for people, agencies and units of the generated city (all illustrative). */

const list = (s: string): readonly string[] => s.split('|');

export const FAMILY_NAMES = list(
  'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|' +
    'Trịnh|Đào|Mai|Lương|Tạ|Chu|Khổng',
);

export const MIDDLE_NAMES = list(
  'Văn|Thị|Đức|Minh|Thu|Ngọc|Hữu|Quang|Thanh|Xuân|Hồng|Kim|Anh|Bảo|Công|Duy|Gia|' +
    'Khánh|Mạnh|Phương|Quốc|Thế|Tuấn|Việt',
);

export const GIVEN_NAMES = list(
  'An|Bình|Cường|Dũng|Giang|Hà|Hải|Hạnh|Hiếu|Hoa|Hùng|Hương|Huyền|Khánh|Lan|Linh|' +
    'Long|Mai|Minh|Nam|Nga|Ngọc|Nhung|Phong|Phương|Quân|Quang|Sơn|Tâm|Thảo|Thắng|Thủy|' +
    'Trang|Trung|Tuấn|Vân|Việt|Yến|Đạt|Đông|Hòa|Lộc|Nghĩa|Oanh|Quyên|Thịnh|Tùng',
);

/** Departments of the city (Sở) and other city bodies: name, notation abbreviation. */
export const DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['Văn phòng Ủy ban nhân dân thành phố Hà Nội', 'VP'],
  ['Sở Nội vụ thành phố Hà Nội', 'SNV'],
  ['Sở Tài chính thành phố Hà Nội', 'STC'],
  ['Sở Xây dựng thành phố Hà Nội', 'SXD'],
  ['Sở Nông nghiệp và Môi trường thành phố Hà Nội', 'SNNMT'],
  ['Sở Khoa học và Công nghệ thành phố Hà Nội', 'SKHCN'],
  ['Sở Y tế thành phố Hà Nội', 'SYT'],
  ['Sở Giáo dục và Đào tạo thành phố Hà Nội', 'SGDĐT'],
  ['Sở Công Thương thành phố Hà Nội', 'SCT'],
  ['Sở Tư pháp thành phố Hà Nội', 'STP'],
  ['Sở Văn hóa và Thể thao thành phố Hà Nội', 'SVHTT'],
  ['Sở Du lịch thành phố Hà Nội', 'SDL'],
  ['Sở Dân tộc và Tôn giáo thành phố Hà Nội', 'SDTTG'],
  ['Sở Quy hoạch - Kiến trúc thành phố Hà Nội', 'SQHKT'],
  ['Thanh tra thành phố Hà Nội', 'TTr'],
  ['Ban Quản lý các khu công nghiệp và chế xuất Hà Nội', 'BQLKCN'],
  ['Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố Hà Nội', 'BQLDAGT'],
  ['Ban Quản lý dự án đầu tư xây dựng công trình dân dụng thành phố Hà Nội', 'BQLDADD'],
  ['Đài Phát thanh và Truyền hình Hà Nội', 'ĐPTTH'],
  ['Công an thành phố Hà Nội', 'CATP'],
  ['Bộ Chỉ huy Quân sự thành phố Hà Nội', 'BCHQS'],
  ['Trung tâm Phục vụ hành chính công thành phố Hà Nội', 'TTPVHCC'],
];

export const WARD_NAMES = list(
  'Hoàn Kiếm|Cửa Nam|Ba Đình|Ngọc Hà|Giảng Võ|Hai Bà Trưng|Vĩnh Tuy|Bạch Mai|' +
    'Đống Đa|Kim Liên|Văn Miếu - Quốc Tử Giám|Láng|Ô Chợ Dừa|Hồng Hà|Lĩnh Nam|' +
    'Hoàng Mai|Vĩnh Hưng|Tương Mai|Định Công|Hoàng Liệt|Yên Sở|Thanh Xuân|Khương Đình|' +
    'Phương Liệt|Cầu Giấy|Nghĩa Đô|Yên Hòa|Tây Hồ|Phú Thượng|Tây Tựu|Phú Diễn|' +
    'Xuân Đỉnh|Đông Ngạc|Thượng Cát|Từ Liêm|Xuân Phương|Tây Mỗ|Đại Mỗ|Long Biên|Bồ Đề|' +
    'Việt Hưng|Phúc Lợi|Hà Đông|Dương Nội|Yên Nghĩa|Phú Lương|Kiến Hưng|Thanh Liệt|' +
    'Chương Mỹ|Sơn Tây|Tùng Thiện|Sóc Sơn|Đa Phúc|Nội Bài|Trung Giã|Kim Anh|Đông Anh|' +
    'Phúc Thịnh|Thư Lâm|Thiên Lộc|Vĩnh Thanh|Mê Linh|Yên Lãng|Tiến Thắng|Quang Minh|' +
    'Gia Lâm|Thuận An|Bát Tràng|Phù Đổng|Thanh Trì|Đại Thanh|Nam Phù|Ngọc Hồi|' +
    'Thường Tín|Hồng Vân|Thượng Phúc|Chương Dương|Phú Xuyên|Phượng Dực|Ứng Hòa|Mỹ Đức|' +
    'Hương Sơn|Phúc Sơn|Ba Vì|Quảng Oai|Phúc Thọ|Hát Môn|Đan Phượng|Ô Diên|Hoài Đức|' +
    'Dương Hòa|Sơn Đồng|An Khánh|Quốc Oai|Kiều Phú|Thạch Thất|Hạ Bằng|Tây Phương|' +
    'Thanh Oai|Bình Minh|Tam Hưng|Dân Hòa|Xuân Mai|Trần Phú|Hòa Phú|Quảng Bị|Vân Đình|' +
    'Hòa Xá|Phú Nghĩa|Đoài Phương|Yên Bài|Cổ Đô|Minh Châu|Suối Hai|Yên Xuân|Vật Lại|' +
    'Bất Bạt|Liên Minh|Gia Lâm Đông|Nam Sơn|Kim Sơn|Đông Sơn|Phù Lưu|Xuân Giang|' +
    'Hồng Sơn|Phúc Lộc|Ngọc Sơn',
);

/** Level-3 bodies under a department or a ward: name pattern and short code. */
export const LEVEL3_KINDS: readonly (readonly [string, string])[] = [
  ['Chi cục', 'CC'],
  ['Trung tâm', 'TT'],
  ['Ban Quản lý dự án', 'BQL'],
  ['Trường Trung học cơ sở', 'THCS'],
  ['Trường Tiểu học', 'TH'],
  ['Trạm Y tế', 'TYT'],
  ['Trung tâm Văn hóa - Thông tin và Thể thao', 'TTVH'],
  ['Đội Quản lý trật tự đô thị', 'ĐQLTT'],
];

export const LEVEL3_TOPICS = list(
  'Phát triển nông thôn|Thủy lợi|Bảo vệ môi trường|Quản lý đất đai|Kiểm lâm|Dân số|' +
    'An toàn vệ sinh thực phẩm|Quản lý thị trường|Văn thư - Lưu trữ|' +
    'Công nghệ thông tin|Đăng kiểm|Giám định xây dựng|Dịch vụ việc làm|' +
    'Trợ giúp pháp lý|Xúc tiến đầu tư|Bảo trợ xã hội|Kiểm soát bệnh tật|' +
    'Quy hoạch đô thị',
);

export const LEVEL4_KINDS = list('Trạm|Đội|Phân hiệu|Điểm|Tổ công tác|Cơ sở|Trung tâm vệ tinh');

/** Units (phòng, ban) inside an agency: code, name. The first is the office of the agency. */
export const UNIT_CATALOGUE: readonly (readonly [string, string])[] = [
  ['VP', 'Văn phòng'],
  ['TCCB', 'Phòng Tổ chức cán bộ'],
  ['KHTC', 'Phòng Kế hoạch - Tài chính'],
  ['TTR', 'Thanh tra'],
  ['PC', 'Phòng Pháp chế'],
  ['QLDT', 'Phòng Quản lý đô thị'],
  ['KT', 'Phòng Kinh tế'],
  ['VHXH', 'Phòng Văn hóa - Xã hội'],
  ['TNMT', 'Phòng Tài nguyên và Môi trường'],
  ['NV', 'Phòng Nghiệp vụ'],
  ['CNTT', 'Phòng Công nghệ thông tin'],
  ['HCQT', 'Phòng Hành chính - Quản trị'],
  ['TH', 'Phòng Tổng hợp'],
  ['KSTT', 'Phòng Kiểm soát thủ tục hành chính'],
  ['DA', 'Phòng Quản lý dự án'],
  ['DT', 'Phòng Đào tạo'],
  ['YT', 'Phòng Y tế'],
  ['GD', 'Phòng Giáo dục'],
];

/** Senders outside the city: ministries, central bodies, firms, citizens (name, issuer code). */
export const EXTERNAL_SENDERS: readonly (readonly [string, string])[] = [
  ['Văn phòng Chính phủ', 'VPCP'],
  ['Thủ tướng Chính phủ', 'TTg'],
  ['Bộ Nội vụ', 'BNV'],
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Xây dựng', 'BXD'],
  ['Bộ Nông nghiệp và Môi trường', 'BNNMT'],
  ['Bộ Y tế', 'BYT'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT'],
  ['Bộ Công an', 'BCA'],
  ['Bộ Tư pháp', 'BTP'],
  ['Bộ Khoa học và Công nghệ', 'BKHCN'],
  ['Bộ Công Thương', 'BCT'],
  ['Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL'],
  ['Thanh tra Chính phủ', 'TTCP'],
  ['Kiểm toán nhà nước', 'KTNN'],
  ['Ngân hàng Nhà nước Việt Nam', 'NHNN'],
  ['Bảo hiểm xã hội Việt Nam', 'BHXH'],
  ['Ủy ban nhân dân tỉnh Bắc Ninh', 'UBND'],
  ['Ủy ban nhân dân tỉnh Hưng Yên', 'UBND'],
  ['Ủy ban nhân dân tỉnh Phú Thọ', 'UBND'],
  ['Công ty TNHH Một thành viên Nước sạch Hà Nội', 'NSHN'],
  ['Tổng công ty Điện lực thành phố Hà Nội', 'EVNHANOI'],
  ['Công ty Cổ phần Đầu tư Xây dựng Thăng Long', 'TLC'],
  ['Liên đoàn Lao động thành phố Hà Nội', 'LĐLĐ'],
];

export const STREETS = list(
  'Nguyễn Chí Thanh|Láng Hạ|Giải Phóng|Kim Mã|Trần Duy Hưng|Phạm Văn Đồng|' +
    'Nguyễn Trãi|Lê Văn Lương|Tố Hữu|Võ Chí Công|Hoàng Quốc Việt|Xuân Thủy|' +
    'Trường Chinh|Lạc Long Quân|Âu Cơ|Nghi Tàm|Minh Khai|Tam Trinh|Nguyễn Văn Cừ|' +
    'Ngọc Lâm|Đại Cồ Việt|Bạch Đằng|Hồng Hà|Thụy Khuê|Vành đai 2,5|Vành đai 3|' +
    'Vành đai 4|Quốc lộ 32|Quốc lộ 6|Đại lộ Thăng Long',
);

/** Rare words for selective searches: named projects that appear in few documents. */
export const RARE_PROJECTS = list(
  'cầu Trần Hưng Đạo|cầu Tứ Liên|cầu Ngọc Hồi|tuyến đường sắt đô thị số 5|' +
    'công viên Kim Quy|khu đô thị Thượng Thanh|nhà máy xử lý nước thải Yên Xá|' +
    'trung tâm hội chợ triển lãm Đông Anh|bệnh viện Nhi Hà Nội cơ sở Phú Diễn|' +
    'hồ điều hòa Phùng Khoang|kè sông Tích|chợ đầu mối Bắc Thăng Long',
);
