import { getDocumentType, type DocumentTypeCode } from '@vanban/edxml';
import { uuidv7At, type Rng } from '../lib/random.js';
import type { Agency, Person, Unit } from './model.js';
import { subjectFor } from './subjects.js';
import { vietnamDate, type Timeline, type WorkTime } from './timeline.js';

/** One outgoing document of the generated city: who, what, and when each step happened. */

export type OutgoingState =
  'draft' | 'in_review' | 'approved' | 'signed' | 'numbered' | 'sealed' | 'issued' | 'revoked';

export type Urgency = 'normal' | 'urgent' | 'top_urgent' | 'flash';
export type Secrecy = 'normal' | 'confidential' | 'secret';

export interface OutgoingFile {
  id: string;
  blob: number;
  role: 'main' | 'attachment';
}

/** The moments of the steps that happened (ms), in order. */
export interface Schedule {
  created: number;
  submitted: number | null;
  /** Decisions of the review steps, in order (a pending step has none). */
  reviews: number[];
  signed: number | null;
  numbered: number | null;
  sealed: number | null;
  issued: number | null;
  revoked: number | null;
}

export interface Numbering {
  registerId: string;
  number: number;
  notation: string;
  reference: string;
  referenceKey: string;
  codeNumber: string;
  codeNotation: string;
  issueDate: string;
}

export interface OutgoingDoc {
  id: string;
  agency: Agency;
  state: OutgoingState;
  docType: DocumentTypeCode;
  subject: string;
  urgency: Urgency;
  secrecy: Secrecy;
  unit: Unit;
  drafter: Person;
  signer: Person;
  clerk: Person;
  /** Reviewers, one per step, in order; the last step is pending while `in_review`. */
  reviewers: Person[];
  schedule: Schedule;
  numbering: Numbering | null;
  pageCount: number;
  /** Files of the current version (the sealed ones once issued): what recipients receive. */
  files: OutgoingFile[];
  deliveries: Delivery[];
  /** Recipients outside the city (free text, on paper) and own units. */
  external: string[];
  units: Unit[];
}

export interface Delivery {
  outgoing: OutgoingDoc;
  receiver: Agency;
  channel: 'internal' | 'paper' | 'email';
  arrival: WorkTime;
  arrivalMs: number;
  /** Id of the receiver's incoming document. */
  incomingId: string;
}

export interface OutgoingRegister {
  id: string;
  year: number;
  series: 'outgoing' | 'outgoing_legal' | 'outgoing_secret';
  typeCode: string;
  last: number;
  createdAt: number;
}

/** What the agencies of a city issue (no circulars: ministries issue those). */
const OUTGOING_TYPES: readonly (readonly [DocumentTypeCode, number])[] = [
  ['official_letter', 46],
  ['decision', 11],
  ['invitation', 9],
  ['notice', 8],
  ['plan', 8],
  ['report', 8],
  ['guidance', 3],
  ['directive', 2],
  ['submission', 2],
  ['minutes', 2],
  ['legal_decision', 1],
  ['official_telegram', 1],
  ['programme', 1],
];

export const IN_FLIGHT: readonly (readonly [OutgoingState, number])[] = [
  ['draft', 30],
  ['in_review', 25],
  ['approved', 15],
  ['signed', 10],
  ['numbered', 8],
  ['sealed', 12],
];

const ORDER: readonly OutgoingState[] = [
  'draft',
  'in_review',
  'approved',
  'signed',
  'numbered',
  'sealed',
  'issued',
  'revoked',
];
const reached = (state: OutgoingState, step: OutgoingState) =>
  ORDER.indexOf(state) >= ORDER.indexOf(step);

/** The steps' moments, the last one at `at`, each earlier one a realistic gap before the next. */
function schedule(
  tl: Timeline,
  rng: Rng,
  state: OutgoingState,
  at: WorkTime,
  reviews: number,
): Schedule {
  const salt = rng.int(0, 59);
  const ms = (t: WorkTime, step: number) => tl.ms(t, salt + step);
  let t = at;
  const back = (min: number, max: number) => {
    t = tl.sub(t, rng.int(min, max));
  };
  const s: Schedule = {
    created: 0,
    submitted: null,
    reviews: [],
    signed: null,
    numbered: null,
    sealed: null,
    issued: null,
    revoked: null,
  };
  /** The step happened at `t`; the one before it `min`–`max` office minutes earlier. */
  const mark = (
    step: 'revoked' | 'issued' | 'sealed' | 'numbered' | 'signed' | 'submitted',
    order: number,
    min: number,
    max: number,
  ) => {
    s[step] = ms(t, order);
    back(min, max);
  };
  if (state === 'revoked') mark('revoked', 9, 60, 6000);
  if (reached(state, 'issued')) mark('issued', 8, 2, 45);
  if (reached(state, 'sealed')) mark('sealed', 7, 1, 25);
  if (reached(state, 'numbered')) mark('numbered', 6, 1, 60);
  if (reached(state, 'signed')) mark('signed', 5, 5, 480);
  const decided = reached(state, 'approved') ? reviews : reviews - 1;
  for (let i = decided - 1; i >= 0; i--) {
    s.reviews.unshift(ms(t, 4));
    back(10, 900);
  }
  if (reached(state, 'in_review')) mark('submitted', 3, 10, 700);
  s.created = ms(t, 2);
  return s;
}

export function newDocument(
  tl: Timeline,
  rng: Rng,
  agency: Agency,
  state: OutgoingState,
  at: WorkTime,
  blobs: number,
): OutgoingDoc {
  const docType = rng.weighted(OUTGOING_TYPES);
  const units = agency.units.length > 1 ? agency.units.slice(1) : agency.units;
  const unit = units[rng.skewed(units.length, 1.3)] as Unit;
  const drafter = unit.members[rng.skewed(unit.members.length)] as Person;
  const signer =
    rng.chance(0.6) || agency.deputies.length === 0 ? agency.leader : rng.pick(agency.deputies);
  const reviewers = [unit.head, agency.units[0]?.head]
    .filter((p): p is Person => p !== undefined && p !== drafter && p !== signer)
    .filter((p, i, all) => all.indexOf(p) === i)
    .slice(
      0,
      rng.weighted([
        [0, 25],
        [1, 55],
        [2, 20],
      ] as const),
    );
  if (state === 'in_review' && reviewers.length === 0) reviewers.push(signer);
  const s = schedule(tl, rng, state, at, reviewers.length);
  const year = Number(vietnamDate(s.created).slice(0, 4));
  const fileAt = s.sealed ?? s.numbered ?? s.signed ?? s.created;
  return {
    id: uuidv7At(s.created, rng),
    agency,
    state,
    docType,
    subject: subjectFor(rng, docType, year),
    urgency: rng.weighted([
      ['normal', 85],
      ['urgent', 10],
      ['top_urgent', 4],
      ['flash', 1],
    ] as const),
    secrecy: rng.weighted([
      ['normal', 988],
      ['confidential', 10],
      ['secret', 2],
    ] as const),
    unit,
    drafter,
    signer,
    clerk: rng.pick(agency.clerks),
    reviewers,
    schedule: s,
    numbering: null,
    pageCount: rng.int(1, 8),
    files: Array.from({ length: rng.chance(0.15) ? 2 : 1 }, (_, i) => ({
      id: uuidv7At(fileAt, rng),
      blob: rng.int(0, blobs - 1),
      role: i === 0 ? ('main' as const) : ('attachment' as const),
    })),
    deliveries: [],
    external: [],
    units: [],
  };
}

/** Bodies outside the city that city agencies write to (on paper from this instance). */
export const EXTERNAL_RECIPIENTS = [
  'Văn phòng Chính phủ',
  'Bộ Nội vụ',
  'Bộ Tài chính',
  'Bộ Xây dựng',
  'Bộ Y tế',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Công an',
  'Thanh tra Chính phủ',
  'Kiểm toán nhà nước khu vực I',
  'Thành ủy Hà Nội',
  'Hội đồng nhân dân thành phố Hà Nội',
  'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội',
  'Báo Hànộimới',
  'Đài Phát thanh và Truyền hình Hà Nội',
] as const;

export function documentTypeName(code: DocumentTypeCode): string {
  return getDocumentType(code).name;
}
