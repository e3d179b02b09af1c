/**
 * Status packet codes (gói tin trạng thái) — QCVN 102:2016, standards.md §1.6. Numbers agree in
 * both known sources; English names follow the interpretation in §1.6 [I], Vietnamese descriptions
 * follow the wording of the code table.
 */

export const StatusCode = {
  /** 01 — delivered to the receiving system, waiting to be accepted. */
  Received: '01',
  /** 02 — rejected (returned); must carry a reason (Decree 30 Art. 20). */
  Rejected: '02',
  /** 03 — accepted and registered by the receiving clerk. */
  Accepted: '03',
  /** 04 — waiting for / given an assignment by a leader. */
  Assigned: '04',
  /** 05 — being processed. */
  InProgress: '05',
  /** 06 — processing completed. */
  Completed: '06',
  /** 13 — the document is revoked. */
  Revoked: '13',
  /** 15 — agrees to the revocation / update (answer to BussinessDocType 1/2/3). */
  ChangeAccepted: '15',
  /** 16 — refuses the revocation / update. */
  ChangeRefused: '16',
} as const;

export type StatusCodeValue = (typeof StatusCode)[keyof typeof StatusCode];
export type StatusCodeName = keyof typeof StatusCode;

export interface StatusCodeInfo {
  code: StatusCodeValue;
  name: StatusCodeName;
  /** Vietnamese description as shown to users. */
  description: string;
}

export const STATUS_CODES: readonly StatusCodeInfo[] = Object.freeze([
  { code: '01', name: 'Received', description: 'Đã đến, chờ tiếp nhận' },
  { code: '02', name: 'Rejected', description: 'Từ chối tiếp nhận' },
  { code: '03', name: 'Accepted', description: 'Đã tiếp nhận' },
  { code: '04', name: 'Assigned', description: 'Đã tiếp nhận, đang chờ phân công' },
  { code: '05', name: 'InProgress', description: 'Đã phân công, đang xử lý' },
  { code: '06', name: 'Completed', description: 'Đã xử lý xong' },
  { code: '13', name: 'Revoked', description: 'Thu hồi văn bản' },
  { code: '15', name: 'ChangeAccepted', description: 'Đồng ý thu hồi/cập nhật văn bản' },
  { code: '16', name: 'ChangeRefused', description: 'Từ chối thu hồi/cập nhật văn bản' },
]);

const BY_CODE = new Map<string, StatusCodeInfo>(STATUS_CODES.map((s) => [s.code, s]));

export function isStatusCode(value: string): value is StatusCodeValue {
  return BY_CODE.has(value);
}

export function getStatusCodeInfo(code: StatusCodeValue): StatusCodeInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`Unknown status code ${code}`);
  return info;
}

/**
 * Reads a wire status code. Some senders drop the leading zero ("1" for "01"), which is accepted;
 * anything else that is not in the table yields undefined.
 */
export function normalizeStatusCode(raw: string): StatusCodeValue | undefined {
  const t = raw.trim();
  if (!/^\d{1,2}$/.test(t)) return undefined;
  const padded = t.padStart(2, '0');
  return isStatusCode(padded) ? padded : undefined;
}
