/**
 * The text of e-mail and SMS messages, in Vietnamese, built from a bell notification. Pure.
 */

export interface MessageInput {
  kind: string;
  title: string;
  urgency: string;
  subject: { type: string; id: string };
  fullName: string;
  /**
   * A confidential (mật) document or task: its subject never leaves the system by e-mail or SMS
   * (Law on Protection of State Secrets 2018, Art. 5: no transmission over unprotected channels).
   */
  confidential?: boolean;
}

const CONFIDENTIAL_TITLE = 'Nội dung có độ mật — chỉ xem trong hệ thống';

function titleOf(input: MessageInput): string {
  return input.confidential ? CONFIDENTIAL_TITLE : input.title;
}

const URGENCY_LABELS: Record<string, string> = {
  urgent: 'Khẩn',
  top_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

const HEADLINES: Record<string, string> = {
  'incoming.received': 'Văn bản đến mới',
  'incoming.to_direct': 'Văn bản đến trình xin ý kiến chỉ đạo',
  'incoming.assigned.lead': 'Được giao chủ trì xử lý văn bản',
  'incoming.assigned.co_handler': 'Được giao phối hợp xử lý văn bản',
  'incoming.assigned.for_information': 'Văn bản gửi để biết',
  'reminder.before': 'Nhắc hạn xử lý',
  'reminder.due': 'Đến hạn xử lý hôm nay',
  'reminder.overdue': 'Quá hạn xử lý',
  'reminder.escalation': 'Việc quá hạn cần đôn đốc',
  'task.assigned': 'Được giao nhiệm vụ',
  'task.completed': 'Nhiệm vụ đã hoàn thành',
  'task.cancelled': 'Nhiệm vụ đã hủy',
  'task.due_date_changed': 'Nhiệm vụ được đổi hạn',
  'task.progress_reported': 'Báo cáo tiến độ nhiệm vụ',
  'records.archive_due': 'Hồ sơ sắp đến hạn nộp lưu',
  'records.archived': 'Hồ sơ đã nộp lưu',
  'schedule.week_published': 'Lịch công tác tuần đã ban hành',
};

const PATHS: Record<string, string> = {
  incoming_document: '/incoming/',
  outgoing_document: '/outgoing/',
  task: '/tasks/',
  work_record: '/work-records/',
};

export function headlineOf(kind: string): string {
  return HEADLINES[kind] ?? 'Thông báo';
}

/** The page of the thing the notification is about; the home page when the app has none. */
export function linkOf(publicUrl: string, subject: { type: string; id: string }): string {
  if (subject.type === 'schedule_week') {
    // `<agency id>:<ISO week>`, as the schedule module writes it; the page takes the week.
    const week = /:(\d{4}-W\d{2})$/.exec(subject.id)?.[1];
    return week ? `${publicUrl}/schedule?week=${week}` : `${publicUrl}/schedule`;
  }
  const path = PATHS[subject.type];
  return path ? `${publicUrl}${path}${encodeURIComponent(subject.id)}` : `${publicUrl}/`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function emailMessage(input: MessageInput, publicUrl: string) {
  const urgency = URGENCY_LABELS[input.urgency];
  const headline = headlineOf(input.kind);
  const subject = `[Vanban] ${urgency ? `${urgency.toUpperCase()} – ` : ''}${headline}: ${clip(titleOf(input), 180)}`;
  const link = linkOf(publicUrl, input.subject);
  const text = [
    `Kính gửi ${input.fullName},`,
    '',
    `${headline}${urgency ? ` (độ khẩn: ${urgency})` : ''}:`,
    titleOf(input),
    '',
    `Xem và xử lý tại: ${link}`,
    '',
    '--',
    'Thư do hệ thống quản lý văn bản Vanban gửi tự động, vui lòng không trả lời.',
    `Chọn kênh nhận thông báo và giờ yên lặng tại: ${publicUrl}/account`,
  ].join('\n');
  return { subject, text, link };
}

/** One SMS: short, the link last so that phones make it tappable. */
export function smsMessage(input: MessageInput, publicUrl: string, ascii: boolean): string {
  const urgency = URGENCY_LABELS[input.urgency];
  const text = `Vanban${urgency ? ` [${urgency.toUpperCase()}]` : ''}: ${headlineOf(input.kind)}: ${clip(titleOf(input), 120)} ${linkOf(publicUrl, input.subject)}`;
  return ascii ? withoutDiacritics(text) : text;
}

/** Vietnamese without diacritics (`Hỏa tốc` → `Hoa toc`), for gateways limited to GSM 7-bit. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
