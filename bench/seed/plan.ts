import type { Agency, Person, Unit } from './model.js';
import type { Sender } from './senders.js';

/** One document with everything that happened to it, before it is turned into rows. */

export type DocState =
  'received' | 'registered' | 'submitted' | 'assigned' | 'in_progress' | 'completed' | 'returned';

export type AssignmentRole = 'lead' | 'co_handler' | 'for_information';
export type AssignmentState = 'assigned' | 'in_progress' | 'reported' | 'completed' | 'reassigned';

export interface AssignmentPlan {
  id: string;
  parentId: string | null;
  role: AssignmentRole;
  /** Null for an assignment to a person alone (e.g. a deputy, for information). */
  unit: Unit | null;
  user: Person | null;
  state: AssignmentState;
  active: boolean;
  direction: string | null;
  dueDate: string | null;
  assignedBy: Person;
  assignedAt: number;
  readAt: number | null;
  startedAt: number | null;
  result: string | null;
  reportedAt: number | null;
  completedAt: number | null;
}

export interface EventPlan {
  at: number;
  type: string;
  actor: Person;
  subjectType: 'incoming_document' | 'outgoing_document' | 'file';
  subjectId: string;
  data: Record<string, unknown>;
}

export interface FilePlan {
  id: string;
  /** A file of the sender's outgoing document (its row is written with the sender's). */
  shared: boolean;
  blob: number;
  name: string;
  role: 'main' | 'attachment';
  position: number;
  uploadedBy: Person;
  uploaderAgencyId: string;
  createdAt: number;
  addedBy: Person;
  addedAt: number;
}

export interface CommentPlan {
  id: string;
  assignmentId: string | null;
  author: Person;
  body: string;
  createdAt: number;
}

export interface DocPlan {
  id: string;
  agency: Agency;
  state: DocState;
  source: 'paper' | 'internal' | 'hub' | 'email';
  sourceRef: string | null;
  sender: Sender;
  number: string;
  notation: string;
  reference: string;
  referenceKey: string;
  issueDate: string;
  docType: string;
  subject: string;
  content: string;
  signer: { name: string; position: string };
  urgency: 'normal' | 'urgent' | 'top_urgent' | 'flash';
  secrecy: 'normal' | 'confidential' | 'secret';
  pageCount: number;
  dueDate: string | null;
  receivedAt: number;
  registeredAt: number | null;
  registeredBy: Person | null;
  submittedTo: Person | null;
  submittedAt: number | null;
  direction: string | null;
  directedBy: Person | null;
  directedAt: number | null;
  completedAt: number | null;
  completedBy: Person | null;
  result: string | null;
  returnReason: string | null;
  assignments: AssignmentPlan[];
  access: Map<string, { principal: string; named: boolean; reason: string }>;
  files: FilePlan[];
  comments: CommentPlan[];
  events: EventPlan[];
  /** Filled when the agency's registers are numbered (registration order). */
  arrival: { registerId: string; number: number; date: string } | null;
  registeredEvent: EventPlan | null;
}

export function grant(doc: DocPlan, principal: string, named: boolean, reason: string): void {
  const key = `${principal}/${reason}`;
  if (!doc.access.has(key)) doc.access.set(key, { principal, named, reason });
}

/** What `assigneeGrants` gives an assignee: the person by name, the unit as a group. */
export function grantAssignee(doc: DocPlan, a: AssignmentPlan): void {
  const reason = `assignment:${a.role}`;
  if (a.user) grant(doc, a.user.id, true, reason);
  if (!a.unit) return;
  grant(doc, a.unit.id, false, reason);
  if (doc.secrecy !== 'normal' && !a.user) grant(doc, a.unit.head.id, true, reason);
}
