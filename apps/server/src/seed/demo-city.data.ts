/**
 * The demo city: Hanoi after the 1 July 2025 reorganisation (two levels of local government).
 * Only `000.00.00.H26` (Hanoi People's Committee) is a real code; every code below level 1 is
 * ILLUSTRATIVE — load the real ones from the national axis directory or Decision 2918/QĐ-UBND.
 */
export const DEMO_PASSWORD = 'Vanban@2026';

const common = { address: 'Hà Nội', website: 'https://hanoi.gov.vn' };

export const demoAgencies = [
  { code: '000.00.00.H26', name: 'Ủy ban nhân dân thành phố Hà Nội', short_name: 'UBND', level: 1, address: '79 Đinh Tiên Hoàng, Hoàn Kiếm, Hà Nội', email: 'ubnd@hanoi.gov.vn', phone: '024 3825 3536', website: common.website, valid_from: '2008-08-01' },
  { code: '000.00.01.H26', name: 'Văn phòng Ủy ban nhân dân thành phố Hà Nội', short_name: 'VP', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  { code: '000.00.02.H26', name: 'Sở Nội vụ thành phố Hà Nội', short_name: 'SNV', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  { code: '000.00.03.H26', name: 'Sở Tài chính thành phố Hà Nội', short_name: 'STC', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  { code: '000.00.04.H26', name: 'Sở Xây dựng thành phố Hà Nội', short_name: 'SXD', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  // Formed on 1 March 2025 from the former departments of agriculture and of natural resources.
  { code: '000.00.05.H26', name: 'Sở Nông nghiệp và Môi trường thành phố Hà Nội', short_name: 'SNNMT', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-03-01' },
  { code: '000.00.06.H26', name: 'Sở Khoa học và Công nghệ thành phố Hà Nội', short_name: 'SKHCN', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  { code: '000.00.07.H26', name: 'Sở Y tế thành phố Hà Nội', short_name: 'SYT', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01' },
  // Wards and communes directly under the city since 1 July 2025.
  { code: '000.00.51.H26', name: 'Ủy ban nhân dân phường Hoàn Kiếm', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  { code: '000.00.52.H26', name: 'Ủy ban nhân dân phường Cửa Nam', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  { code: '000.00.53.H26', name: 'Ủy ban nhân dân phường Ba Đình', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  { code: '000.00.54.H26', name: 'Ủy ban nhân dân phường Ngọc Hà', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  { code: '000.00.55.H26', name: 'Ủy ban nhân dân phường Giảng Võ', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  { code: '000.00.56.H26', name: 'Ủy ban nhân dân xã Sóc Sơn', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2025-07-01' },
  // Former districts, closed when the district level was abolished; successors keep the history.
  {
    code: '000.00.80.H26', name: 'Ủy ban nhân dân quận Ba Đình', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01', valid_to: '2025-07-01',
    successors: 'split_into:000.00.53.H26@2025-07-01;split_into:000.00.54.H26@2025-07-01;split_into:000.00.55.H26@2025-07-01',
  },
  {
    code: '000.00.81.H26', name: 'Ủy ban nhân dân quận Hoàn Kiếm', short_name: 'UBND', level: 2, parent_code: '000.00.00.H26', ...common, valid_from: '2008-08-01', valid_to: '2025-07-01',
    successors: 'split_into:000.00.51.H26@2025-07-01;part_transferred_to:000.00.52.H26@2025-07-01',
  },
];

export const demoUnits: { agency: string; code: string; name: string }[] = [
  { agency: '000.00.01.H26', code: 'TH', name: 'Phòng Tổng hợp' },
  { agency: '000.00.01.H26', code: 'KT', name: 'Phòng Kinh tế' },
  { agency: '000.00.01.H26', code: 'HCTC', name: 'Phòng Hành chính – Tổ chức' },
  { agency: '000.00.02.H26', code: 'TCBC', name: 'Phòng Tổ chức biên chế' },
  { agency: '000.00.02.H26', code: 'CCVC', name: 'Phòng Công chức, viên chức' },
  { agency: '000.00.02.H26', code: 'VP', name: 'Văn phòng Sở' },
  { agency: '000.00.03.H26', code: 'NS', name: 'Phòng Quản lý ngân sách' },
  { agency: '000.00.03.H26', code: 'VP', name: 'Văn phòng Sở' },
  { agency: '000.00.04.H26', code: 'QLXD', name: 'Phòng Quản lý xây dựng' },
  { agency: '000.00.51.H26', code: 'VP', name: 'Văn phòng HĐND và UBND' },
  { agency: '000.00.51.H26', code: 'KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { agency: '000.00.53.H26', code: 'VP', name: 'Văn phòng HĐND và UBND' },
];

type DemoRole = 'clerk' | 'leader' | 'deputy' | 'unit_head' | 'specialist' | 'admin';
export interface DemoUser {
  username: string;
  fullName: string;
  agency: string;
  roles: { role: DemoRole; unit?: string }[];
  position?: { title: string; unit?: string };
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', agency: '000.00.00.H26', roles: [{ role: 'admin' }] },
  { username: 'lanhdao.ubnd', fullName: 'Nguyễn Văn An', agency: '000.00.00.H26', roles: [{ role: 'leader' }], position: { title: 'Chủ tịch Ủy ban nhân dân thành phố' } },
  { username: 'phochutich.ubnd', fullName: 'Trần Thị Bình', agency: '000.00.00.H26', roles: [{ role: 'deputy' }], position: { title: 'Phó Chủ tịch Ủy ban nhân dân thành phố' } },
  { username: 'vanthu.ubnd', fullName: 'Lê Minh Cường', agency: '000.00.00.H26', roles: [{ role: 'clerk' }], position: { title: 'Văn thư' } },
  { username: 'chanhvanphong.vp', fullName: 'Phạm Thu Dung', agency: '000.00.01.H26', roles: [{ role: 'leader' }], position: { title: 'Chánh Văn phòng' } },
  { username: 'vanthu.vp', fullName: 'Hoàng Văn Em', agency: '000.00.01.H26', roles: [{ role: 'clerk' }], position: { title: 'Văn thư', unit: 'HCTC' } },
  { username: 'truongphong.vp', fullName: 'Vũ Thị Giang', agency: '000.00.01.H26', roles: [{ role: 'unit_head', unit: 'TH' }], position: { title: 'Trưởng phòng Tổng hợp', unit: 'TH' } },
  { username: 'chuyenvien.vp', fullName: 'Đặng Quốc Hùng', agency: '000.00.01.H26', roles: [{ role: 'specialist', unit: 'TH' }], position: { title: 'Chuyên viên', unit: 'TH' } },
  { username: 'giamdoc.snv', fullName: 'Bùi Thị Lan', agency: '000.00.02.H26', roles: [{ role: 'leader' }], position: { title: 'Giám đốc Sở' } },
  { username: 'phogiamdoc.snv', fullName: 'Đỗ Văn Khánh', agency: '000.00.02.H26', roles: [{ role: 'deputy' }], position: { title: 'Phó Giám đốc Sở' } },
  { username: 'vanthu.snv', fullName: 'Ngô Thị Mai', agency: '000.00.02.H26', roles: [{ role: 'clerk', unit: 'VP' }], position: { title: 'Văn thư', unit: 'VP' } },
  { username: 'truongphong.snv', fullName: 'Dương Văn Nam', agency: '000.00.02.H26', roles: [{ role: 'unit_head', unit: 'TCBC' }], position: { title: 'Trưởng phòng Tổ chức biên chế', unit: 'TCBC' } },
  { username: 'chuyenvien.snv', fullName: 'Lý Thị Oanh', agency: '000.00.02.H26', roles: [{ role: 'specialist', unit: 'TCBC' }], position: { title: 'Chuyên viên', unit: 'TCBC' } },
  { username: 'quantri.snv', fullName: 'Trịnh Văn Phúc', agency: '000.00.02.H26', roles: [{ role: 'admin' }], position: { title: 'Quản trị hệ thống của Sở' } },
  { username: 'giamdoc.stc', fullName: 'Phan Thị Quỳnh', agency: '000.00.03.H26', roles: [{ role: 'leader' }], position: { title: 'Giám đốc Sở' } },
  { username: 'vanthu.stc', fullName: 'Hồ Văn Sơn', agency: '000.00.03.H26', roles: [{ role: 'clerk', unit: 'VP' }], position: { title: 'Văn thư', unit: 'VP' } },
  { username: 'truongphong.stc', fullName: 'Mai Thị Thảo', agency: '000.00.03.H26', roles: [{ role: 'unit_head', unit: 'NS' }], position: { title: 'Trưởng phòng Quản lý ngân sách', unit: 'NS' } },
  { username: 'chuyenvien.stc', fullName: 'Tô Văn Tuấn', agency: '000.00.03.H26', roles: [{ role: 'specialist', unit: 'NS' }], position: { title: 'Chuyên viên', unit: 'NS' } },
  { username: 'chutich.phk', fullName: 'Chu Thị Uyên', agency: '000.00.51.H26', roles: [{ role: 'leader' }], position: { title: 'Chủ tịch Ủy ban nhân dân phường' } },
  { username: 'vanthu.phk', fullName: 'Đinh Văn Việt', agency: '000.00.51.H26', roles: [{ role: 'clerk', unit: 'VP' }], position: { title: 'Văn thư', unit: 'VP' } },
  { username: 'chuyenvien.phk', fullName: 'Lương Thị Xuân', agency: '000.00.51.H26', roles: [{ role: 'specialist', unit: 'KT' }], position: { title: 'Chuyên viên', unit: 'KT' } },
  { username: 'chutich.pbd', fullName: 'Kiều Văn Yên', agency: '000.00.53.H26', roles: [{ role: 'leader' }], position: { title: 'Chủ tịch Ủy ban nhân dân phường' } },
  { username: 'vanthu.pbd', fullName: 'Tạ Thị Ánh', agency: '000.00.53.H26', roles: [{ role: 'clerk', unit: 'VP' }], position: { title: 'Văn thư', unit: 'VP' } },
];
