import type {
  OutgoingState,
  OutgoingView,
  RecipientStatus,
  Role,
  SignatureCheckView,
  SignatureStatus,
} from '@vanban/contracts';
import { outgoingViewValues } from '@vanban/contracts';

export type OutgoingCounts = Partial<Record<OutgoingView, number>>;

/** Views as URL segments: `/outgoing/to-sign` for the `to_sign` list. */
export function viewSlug(view: OutgoingView): string {
  return view.replace(/_/g, '-');
}

export function viewPath(view: OutgoingView): string {
  return `/outgoing/${viewSlug(view)}`;
}

/** Lists that matter to the holder of each role; `issued` and `all` are for everyone. */
const viewsByRole: Record<Role, readonly OutgoingView[]> = {
  clerk: ['to_number', 'to_seal', 'to_issue'],
  leader: ['to_review', 'to_sign'],
  deputy: ['to_review', 'to_sign'],
  unit_head: ['drafts', 'to_review'],
  specialist: ['drafts'],
  admin: [],
};
const everyoneViews: readonly OutgoingView[] = ['issued', 'all'];

/**
 * The lists to offer, in the fixed order of `outgoingViewValues`: those of the user's roles, the
 * common ones, and any other list that has documents in it (a specialist asked to review).
 */
export function visibleViews(roles: ReadonlySet<Role>, counts?: OutgoingCounts): OutgoingView[] {
  const wanted = new Set<OutgoingView>(everyoneViews);
  for (const role of roles) {
    for (const view of viewsByRole[role]) wanted.add(view);
  }
  return outgoingViewValues.filter((view) => wanted.has(view) || (counts?.[view] ?? 0) > 0);
}

/** The first list a user lands on from `/outgoing`. */
export function defaultView(roles: ReadonlySet<Role>): OutgoingView {
  if (roles.has('leader') || roles.has('deputy')) return 'to_sign';
  if (roles.has('clerk')) return 'to_number';
  if (roles.has('unit_head')) return 'to_review';
  if (roles.has('specialist')) return 'drafts';
  return 'all';
}

/** Lists whose count is work waiting for the user (home page, badges). */
export const workViews: readonly OutgoingView[] = [
  'drafts',
  'to_review',
  'to_sign',
  'to_number',
  'to_seal',
  'to_issue',
];

const stateColors: Record<OutgoingState, string> = {
  draft: 'gray',
  in_review: 'indigo',
  returned: 'orange',
  approved: 'teal',
  signed: 'blue',
  numbered: 'cyan',
  sealed: 'violet',
  issued: 'green',
  revoked: 'red',
};

export function stateColor(state: OutgoingState): string {
  return stateColors[state];
}

/** Per-recipient status colours: green when handled, red when sent back, grey while waiting. */
const recipientColors: Record<RecipientStatus, string> = {
  pending: 'gray',
  queued: 'yellow',
  sent: 'cyan',
  delivered: 'blue',
  registered: 'indigo',
  assigned: 'violet',
  processing: 'orange',
  done: 'green',
  returned: 'red',
  revoked: 'dark',
  paper: 'gray',
};

export function recipientStatusColor(status: RecipientStatus): string {
  return recipientColors[status];
}

// --- Actions ---------------------------------------------------------------------------------

export const outgoingActionValues = [
  'edit',
  'new_version',
  'submit',
  'approve',
  'return',
  'sign',
  'number',
  'seal',
  'issue',
  'revoke',
  'replace',
  'correct',
] as const;
export type OutgoingAction = (typeof outgoingActionValues)[number];

/** The server's `actions`, known ones only, in a stable order (never guessed). */
export function parseActions(actions: readonly string[]): OutgoingAction[] {
  return outgoingActionValues.filter((value) => actions.includes(value));
}

// --- Signatures -------------------------------------------------------------------------------

export type SignatureVerdict = 'valid' | 'untrusted' | 'invalid';

/**
 * One signature's verdict, as the contract defines it for a file: `invalid` when the bytes were
 * altered or the CMS does not verify, `untrusted` when intact but not trusted or not valid at
 * signing time, `valid` otherwise. A later signature over the same bytes is not an alteration.
 */
export function signatureVerdict(check: SignatureCheckView): SignatureVerdict {
  if (!check.intact) return 'invalid';
  if (check.trusted === false || !check.certificateValidAtSigningTime) return 'untrusted';
  return 'valid';
}

/**
 * The server verifies a new PDF in the background: until it has, the page shows "being verified"
 * and asks again.
 */
export function signaturesPending(detail: { signatureStatus: SignatureStatus }): boolean {
  return detail.signatureStatus === 'pending';
}

export const verdictColors: Record<SignatureVerdict, string> = {
  valid: 'green',
  untrusted: 'orange',
  invalid: 'red',
};

// --- Signature placement ------------------------------------------------------------------------

/** A4 portrait in PDF points; the preview draws the page at this ratio. */
export const a4 = { width: 595.28, height: 841.89 } as const;

export interface BoxLike {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a box sits on the page, as CSS percentages from the top-left (PDF measures from the
 * bottom-left). Clamped to the page so a box partly outside still shows.
 */
export function boxOnPage(
  box: BoxLike,
  page: { width: number; height: number } = a4,
): { left: number; top: number; width: number; height: number } {
  const clamp = (value: number) => Math.min(100, Math.max(0, value));
  const width = clamp((box.width / page.width) * 100);
  const height = clamp((box.height / page.height) * 100);
  const left = clamp((box.x / page.width) * 100);
  const top = clamp(((page.height - box.y - box.height) / page.height) * 100);
  return {
    left: Math.min(left, 100 - width),
    top: Math.min(top, 100 - height),
    width,
    height,
  };
}
