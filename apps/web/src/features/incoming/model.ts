import type {
  IncomingState,
  IncomingSummary,
  IncomingView,
  Role,
  Urgency,
} from '@vanban/contracts';
import { incomingViewValues } from '@vanban/contracts';

export type IncomingCounts = Partial<Record<IncomingView, number>>;

/** Views as URL segments: `/incoming/to-handle` for the `to_handle` inbox. */
export function viewSlug(view: IncomingView): string {
  return view.replace(/_/g, '-');
}

export function viewFromSlug(slug: string | undefined): IncomingView | undefined {
  const view = slug?.replace(/-/g, '_');
  return incomingViewValues.find((value) => value === view);
}

export function viewPath(view: IncomingView): string {
  return `/incoming/${viewSlug(view)}`;
}

/** Inboxes that matter to the holder of each role; `for_information`, `overdue`, `all` for all. */
const viewsByRole: Record<Role, readonly IncomingView[]> = {
  clerk: ['to_register'],
  leader: ['to_direct', 'to_handle', 'co_handling'],
  deputy: ['to_direct', 'to_handle', 'co_handling'],
  unit_head: ['to_handle', 'co_handling'],
  specialist: ['to_handle', 'co_handling'],
  admin: [],
};
const everyoneViews: readonly IncomingView[] = ['for_information', 'overdue', 'all'];

/**
 * The views to offer, in the fixed order of `incomingViewValues`: those of the user's roles, the
 * common ones, and any other view that has documents in it.
 */
export function visibleViews(roles: ReadonlySet<Role>, counts?: IncomingCounts): IncomingView[] {
  const wanted = new Set<IncomingView>(everyoneViews);
  for (const role of roles) {
    for (const view of viewsByRole[role]) {
      wanted.add(view);
    }
  }
  return incomingViewValues.filter((view) => wanted.has(view) || (counts?.[view] ?? 0) > 0);
}

/** The first inbox a user lands on from `/incoming`. */
export function defaultView(roles: ReadonlySet<Role>): IncomingView {
  if (roles.has('clerk')) return 'to_register';
  if (roles.has('leader') || roles.has('deputy')) return 'to_direct';
  if (roles.has('unit_head') || roles.has('specialist')) return 'to_handle';
  return 'all';
}

/** Hỏa tốc, thượng khẩn and khẩn are marked in red; the more urgent, the stronger. */
export function urgencyBadge(
  urgency: Urgency,
): { color: string; variant: 'filled' | 'light' } | null {
  switch (urgency) {
    case 'flash':
    case 'top_urgent':
      return { color: 'red', variant: 'filled' };
    case 'urgent':
      return { color: 'red', variant: 'light' };
    case 'normal':
      return null;
  }
}

export function isUrgent(urgency: Urgency): boolean {
  return urgency !== 'normal';
}

const stateColors: Record<IncomingState, string> = {
  received: 'cyan',
  registered: 'blue',
  submitted: 'indigo',
  assigned: 'violet',
  in_progress: 'yellow',
  completed: 'green',
  returned: 'gray',
  revoked: 'gray',
};

export function stateColor(state: IncomingState): string {
  return stateColors[state];
}

export type DueStatus = 'overdue' | 'soon' | 'normal' | 'none';

export function dueStatus(
  item: Pick<IncomingSummary, 'dueDate' | 'overdue' | 'dueSoon'>,
): DueStatus {
  if (item.dueDate === null) return 'none';
  if (item.overdue) return 'overdue';
  if (item.dueSoon) return 'soon';
  return 'normal';
}

export const dueColors: Record<DueStatus, string | undefined> = {
  overdue: 'red',
  soon: 'orange',
  normal: undefined,
  none: 'dimmed',
};

// --- Actions ---------------------------------------------------------------------------------

export const documentActionValues = [
  'register',
  'submit',
  'return_to_sender',
  'direct',
  'comment',
] as const;
export type DocumentAction = (typeof documentActionValues)[number];

export const assignmentActionValues = [
  'start',
  'report',
  'acknowledge',
  'complete',
  'return',
  'request_extension',
  'reassign',
  'decide_extension',
  'attach',
] as const;
export type AssignmentAction = (typeof assignmentActionValues)[number];

export interface ParsedActions {
  document: DocumentAction[];
  /** `<kind>:<assignmentId>` actions, in the order the server listed them. */
  assignment: { kind: AssignmentAction; assignmentId: string }[];
}

/** Reads the server's `actions` list; unknown entries are ignored (never guessed). */
export function parseActions(actions: readonly string[]): ParsedActions {
  const parsed: ParsedActions = { document: [], assignment: [] };
  for (const action of actions) {
    const colon = action.indexOf(':');
    if (colon < 0) {
      const known = documentActionValues.find((value) => value === action);
      if (known) parsed.document.push(known);
      continue;
    }
    const kind = assignmentActionValues.find((value) => value === action.slice(0, colon));
    const assignmentId = action.slice(colon + 1);
    if (kind && assignmentId) parsed.assignment.push({ kind, assignmentId });
  }
  return parsed;
}

/** `notifications.kinds.*` key of a notification kind (`incoming.assigned.lead` → `incoming_assigned_lead`). */
export function notificationKindKey(kind: string): string {
  return kind.replace(/[^a-z0-9]+/gi, '_');
}

/** Arrival numbers and document numbers below 10 get a leading zero (Decree 30 App. I). */
export function formatNumber(value: number | null): string {
  if (value === null) return '';
  return value < 10 ? `0${String(value)}` : String(value);
}
