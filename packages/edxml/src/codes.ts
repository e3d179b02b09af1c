/**
 * Small wire enumerations of QCVN 102:2016 (standards.md §1.3, §1.5).
 */

/** OtherInfo/Priority (mức độ khẩn), QCVN 102 §1.3 item 1.11. */
export const Priority = {
  Normal: 0, // thường
  Urgent: 1, // khẩn
  VeryUrgent: 2, // thượng khẩn
  Express: 3, // hỏa tốc
  ExpressScheduled: 4, // hỏa tốc hẹn giờ
} as const;
export type PriorityValue = (typeof Priority)[keyof typeof Priority];

export const PRIORITY_NAMES: Readonly<Record<PriorityValue, string>> = Object.freeze({
  0: 'Thường',
  1: 'Khẩn',
  2: 'Thượng khẩn',
  3: 'Hỏa tốc',
  4: 'Hỏa tốc hẹn giờ',
});

export function isPriority(value: number): value is PriorityValue {
  return Number.isInteger(value) && value >= 0 && value <= 4;
}

/**
 * SteeringType, QCVN 102 §1.3 item 1.13: 1 not steering, 2 steering, 3 report on steering. Two
 * deployed builders emit 0, so 0–3 are accepted (standards.md §1.3).
 */
export const SteeringType = {
  Unspecified: 0,
  NotSteering: 1,
  Steering: 2,
  SteeringReport: 3,
} as const;
export type SteeringTypeValue = (typeof SteeringType)[keyof typeof SteeringType];

export function isSteeringType(value: number): value is SteeringTypeValue {
  return Number.isInteger(value) && value >= 0 && value <= 3;
}

/** Bussiness/BussinessDocType (sic), standards.md §1.5: 0 new, 1 revoke, 2 update, 3 replace. */
export type BusinessDocType = 'new' | 'revoke' | 'update' | 'replace';

export const BUSINESS_DOC_TYPE_CODES: Readonly<Record<BusinessDocType, number>> = Object.freeze({
  new: 0,
  revoke: 1,
  update: 2,
  replace: 3,
});

export const BUSINESS_DOC_TYPE_REASONS: Readonly<Record<BusinessDocType, string>> = Object.freeze({
  new: 'Văn bản điện tử mới',
  revoke: 'Thu hồi văn bản điện tử',
  update: 'Cập nhật văn bản điện tử',
  replace: 'Thay thế văn bản điện tử',
});

export function businessDocTypeFromCode(code: number): BusinessDocType | undefined {
  const entry = Object.entries(BUSINESS_DOC_TYPE_CODES).find(([, c]) => c === code);
  return entry ? (entry[0] as BusinessDocType) : undefined;
}

/** ReceiverList/Receiver/ReceiverType, standards.md §1.5: 0 removed from, 1 added to recipients. */
export type ReceiverChange = 'removed' | 'added';
