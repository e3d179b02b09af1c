import type { AssignmentRole, DirectBody, Due } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { findUnits } from '../organizations/index.js';
import { incomingErrors } from './incoming.errors.js';
import { resolveDue } from './incoming.metadata.js';
import { nextAssignmentState, nextDocumentState } from './incoming.models.js';
import { isAssignee, mayDecideExtension, mayDirect, mayReassign } from './incoming.policies.js';
import * as repo from './incoming.repository.js';
import {
  attachUploads,
  auditStep,
  inDocumentStep,
  notifyAbout,
  recipientsOf,
  type IncomingDeps,
  type StepContext,
} from './incoming.usecase-kit.js';

export interface NewAssignment {
  role: AssignmentRole;
  unitId: string | null;
  userId: string | null;
  dueDate: string | null;
  direction: string | null;
  parentId: string | null;
}

/** Insert an assignment, open the document to the assignee and tell them (urgent: at once). */
export async function createAssignmentInStep(ctx: StepContext, a: NewAssignment): Promise<string> {
  const id = newId();
  await repo.insertAssignment(ctx.tx, {
    id,
    documentId: ctx.doc.id,
    agencyId: ctx.doc.agencyId,
    parentId: a.parentId,
    role: a.role,
    unitId: a.unitId,
    userId: a.userId,
    state: 'assigned',
    direction: a.direction,
    dueDate: a.dueDate,
    assignedBy: ctx.actor.userId,
    assignedAt: ctx.now,
  });
  await repo.grantAccess(
    ctx.tx,
    ctx.doc.id,
    await repo.assigneeGrants(ctx.tx, a, ctx.doc.secrecy, `assignment:${a.role}`),
  );
  await notifyAbout(ctx, ctx.doc, await recipientsOf(ctx.tx, a), `incoming.assigned.${a.role}`);
  return id;
}

/** An assignee must be a current unit or an active user of the document's agency. */
async function validateAssignee(
  ctx: StepContext,
  input: { unitId?: string | undefined; userId?: string | undefined },
  path = 'body',
) {
  if (input.unitId) {
    const [unit] = await findUnits(ctx.tx, [input.unitId]);
    if (!unit || unit.agencyId !== ctx.doc.agencyId || unit.validTo !== null)
      throw incomingErrors.assigneeInvalid('The unit is not a current unit of this agency', {
        errors: [{ path: `${path}.unitId`, message: input.unitId, code: 'other_agency' }],
      });
  }
  if (input.userId) {
    const rows = await queryRows<{ id: string }>(
      ctx.tx,
      sql`select u.id from users u where u.id = ${input.userId}
          and u.agency_id = ${ctx.doc.agencyId} and not u.disabled
          ${input.unitId ? sql`and exists (select 1 from user_roles r where r.user_id = u.id and r.unit_id = ${input.unitId})` : sql``}`,
    );
    if (rows.length === 0)
      throw incomingErrors.assigneeInvalid(
        'The person is not an active member of this agency (or of the given unit)',
        { errors: [{ path: `${path}.userId`, message: input.userId, code: 'other_agency' }] },
      );
  }
}

/**
 * The leader's direction (bút phê): lead unit/person, co-handlers, for-information recipients,
 * each with a deadline (Decree 30 Art. 22; App. IV "phiếu giải quyết văn bản đến").
 */
export async function directDocument(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  body: DirectBody,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const { doc, tx } = ctx;
    if (!mayDirect(ctx.scope, doc)) throw incomingErrors.forbidden('Only the leader directs');
    const state = nextDocumentState(doc.state, 'direct');
    const all = [
      { role: 'lead' as const, input: body.lead, path: 'body.lead' },
      ...body.coHandlers.map((input, i) => ({
        role: 'co_handler' as const,
        input,
        path: `body.coHandlers.${i}`,
      })),
      ...body.forInformation.map((input, i) => ({
        role: 'for_information' as const,
        input,
        path: `body.forInformation.${i}`,
      })),
    ];
    const seen = new Set<string>();
    const resolved: NewAssignment[] = [];
    for (const { role, input, path } of all) {
      await validateAssignee(ctx, input, path);
      const key = `${input.unitId ?? ''}/${input.userId ?? ''}`;
      if (seen.has(key)) throw incomingErrors.assigneeInvalid('The same assignee is listed twice');
      seen.add(key);
      resolved.push({
        role,
        unitId: input.unitId ?? null,
        userId: input.userId ?? null,
        dueDate:
          role === 'for_information'
            ? null
            : await resolveDue(tx, input.due, ctx.today, `${path}.due`),
        direction: body.direction,
        parentId: null,
      });
    }
    const docDue =
      (await resolveDue(tx, body.due, ctx.today)) ?? resolved[0]?.dueDate ?? doc.dueDate;
    if (resolved[0] && resolved[0].dueDate === null) resolved[0].dueDate = docDue;
    await repo.updateDocument(tx, doc.id, {
      state,
      direction: body.direction,
      directedBy: ctx.actor.userId,
      directedAt: ctx.now,
      dueDate: docDue,
      updatedAt: ctx.now,
    });
    await repo.grantAccess(tx, doc.id, [
      { principalId: ctx.actor.userId, named: true, reason: 'directed' },
    ]);
    const ids: string[] = [];
    for (const a of resolved) ids.push(await createAssignmentInStep(ctx, a));
    await auditStep(ctx, doc, 'incoming.directed', {
      direction: body.direction,
      dueDate: docDue,
      assignments: resolved.map((a, i) => ({
        id: ids[i],
        role: a.role,
        unitId: a.unitId,
        userId: a.userId,
        dueDate: a.dueDate,
      })),
    });
  });
}

async function loadAssignment(ctx: StepContext, assignmentId: string) {
  const a = await repo.findAssignment(ctx.tx, ctx.doc.id, assignmentId);
  if (!a) throw incomingErrors.notFound('No such assignment on this document');
  return a;
}

async function ownAssignment(ctx: StepContext, assignmentId: string) {
  const a = await loadAssignment(ctx, assignmentId);
  if (!isAssignee(ctx.scope, a)) throw incomingErrors.forbidden('This is not your assignment');
  return a;
}

/** A unit head passes the unit's assignment to a person of the unit. */
export async function reassign(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  body: { userId: string; direction?: string | undefined; due?: Due | undefined },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await loadAssignment(ctx, assignmentId);
    if (!mayReassign(ctx.scope, a) || !a.unitId)
      throw incomingErrors.forbidden('Only the head of the assigned unit re-assigns');
    const state = nextAssignmentState(a, 'reassign');
    if (a.userId === body.userId)
      throw incomingErrors.assigneeInvalid('The assignment is already with this person');
    await validateAssignee(ctx, { unitId: a.unitId, userId: body.userId });
    await repo.updateAssignment(ctx.tx, a.id, { state, active: false });
    const childId = await createAssignmentInStep(ctx, {
      role: a.role,
      unitId: a.unitId,
      userId: body.userId,
      dueDate: (await resolveDue(ctx.tx, body.due, ctx.today)) ?? a.dueDate,
      direction: body.direction ?? a.direction,
      parentId: a.id,
    });
    await auditStep(ctx, ctx.doc, 'incoming.reassigned', {
      assignmentId: a.id,
      newAssignmentId: childId,
      toUserId: body.userId,
    });
  });
}

export async function startHandling(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    await repo.updateAssignment(ctx.tx, a.id, {
      state: nextAssignmentState(a, 'start'),
      startedAt: ctx.now,
      readAt: a.readAt ?? ctx.now,
    });
    if (a.role === 'lead' && ctx.doc.state === 'assigned')
      await repo.updateDocument(ctx.tx, ctx.doc.id, {
        state: nextDocumentState(ctx.doc.state, 'start'),
        updatedAt: ctx.now,
      });
    await auditStep(ctx, ctx.doc, 'incoming.handling_started', { assignmentId: a.id });
  });
}

/** Anyone who sees the document may comment; files may come with the comment. */
export async function comment(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  body: { body: string; fileIds: string[] },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const id = newId();
    const mine = (await repo.activeAssignments(ctx.tx, ctx.doc.id)).find((a) =>
      isAssignee(ctx.scope, a),
    );
    await repo.insertComment(ctx.tx, {
      id,
      documentId: ctx.doc.id,
      assignmentId: mine?.id ?? null,
      authorId: ctx.actor.userId,
      onBehalfOfId: ctx.actor.onBehalfOf?.userId ?? null,
      body: body.body,
      createdAt: ctx.now,
    });
    const files = (
      await attachUploads(ctx, ctx.doc.id, body.fileIds, 'handling', mine?.id ?? null)
    ).map((f) => f.id);
    await auditStep(ctx, ctx.doc, 'incoming.commented', { commentId: id, files });
  });
}

/** A co-handler reports their contribution to the lead. */
export async function reportResult(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  body: { result: string; fileIds: string[] },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    await repo.updateAssignment(ctx.tx, a.id, {
      state: nextAssignmentState(a, 'report'),
      result: body.result,
      reportedAt: ctx.now,
      readAt: a.readAt ?? ctx.now,
    });
    const files = (await attachUploads(ctx, ctx.doc.id, body.fileIds, 'handling', a.id)).map(
      (f) => f.id,
    );
    const leads = await repo.activeAssignments(ctx.tx, ctx.doc.id, 'lead');
    const to = (await Promise.all(leads.map((l) => recipientsOf(ctx.tx, l)))).flat();
    await notifyAbout(ctx, ctx.doc, to, 'incoming.co_handler_reported');
    await auditStep(ctx, ctx.doc, 'incoming.reported', { assignmentId: a.id, files });
  });
}

/** A for-information recipient confirms having read it. */
export async function acknowledge(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    await repo.updateAssignment(ctx.tx, a.id, {
      state: nextAssignmentState(a, 'acknowledge'),
      readAt: a.readAt ?? ctx.now,
      completedAt: ctx.now,
    });
    await auditStep(ctx, ctx.doc, 'incoming.acknowledged', { assignmentId: a.id });
  });
}

/**
 * An assignee gives the assignment back with a reason. When the lead does, the document goes
 * back to the leader who directed it, to be directed again.
 */
export async function returnAssignment(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  reason: string,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    await repo.updateAssignment(ctx.tx, a.id, {
      state: nextAssignmentState(a, 'return'),
      active: false,
      returnReason: reason,
    });
    const parent = a.parentId ? await repo.findAssignment(ctx.tx, ctx.doc.id, a.parentId) : null;
    if (parent) {
      // Returned inside the unit: the unit's assignment is the head's again.
      await repo.updateAssignment(ctx.tx, parent.id, {
        state: nextAssignmentState(parent, 'reopen'),
        active: true,
      });
    } else if (a.role === 'lead') {
      await repo.updateDocument(ctx.tx, ctx.doc.id, {
        state: nextDocumentState(ctx.doc.state, 'leadReturned'),
        submittedToUserId: ctx.doc.directedBy ?? ctx.doc.submittedToUserId,
        updatedAt: ctx.now,
      });
    }
    await notifyAbout(ctx, ctx.doc, [a.assignedBy], 'incoming.assignment_returned');
    await auditStep(ctx, ctx.doc, 'incoming.assignment_returned', {
      assignmentId: a.id,
      role: a.role,
      reason,
    });
  });
}

export async function requestExtension(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  body: { until: string; reason: string },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    nextAssignmentState(a, 'requestExtension');
    if (a.extensionRequestedUntil !== null)
      throw incomingErrors.invalidTransition('An extension request is already pending');
    if (body.until <= (a.dueDate ?? ctx.today) || body.until < ctx.today)
      throw incomingErrors.dueDatePast('The new deadline must be after the current one', {
        errors: [{ path: 'body.until', message: 'not after the current deadline', code: 'past' }],
      });
    await repo.updateAssignment(ctx.tx, a.id, {
      extensionRequestedUntil: body.until,
      extensionReason: body.reason,
    });
    await notifyAbout(ctx, ctx.doc, [a.assignedBy], 'incoming.extension_requested');
    await auditStep(ctx, ctx.doc, 'incoming.extension_requested', {
      assignmentId: a.id,
      from: a.dueDate,
      until: body.until,
      reason: body.reason,
    });
  });
}

export async function decideExtension(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  body: { approve: boolean; note?: string | undefined },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await loadAssignment(ctx, assignmentId);
    if (!mayDecideExtension(ctx.scope, ctx.doc, a)) throw incomingErrors.forbidden();
    if (a.extensionRequestedUntil === null || !a.active)
      throw incomingErrors.invalidTransition('No extension request is pending');
    const until = a.extensionRequestedUntil;
    await repo.updateAssignment(ctx.tx, a.id, {
      extensionRequestedUntil: null,
      extensionReason: null,
      ...(body.approve ? { dueDate: until } : {}),
    });
    if (body.approve && a.role === 'lead')
      await repo.updateDocument(ctx.tx, ctx.doc.id, { dueDate: until, updatedAt: ctx.now });
    await notifyAbout(ctx, ctx.doc, await recipientsOf(ctx.tx, a), 'incoming.extension_decided');
    await auditStep(ctx, ctx.doc, 'incoming.extension_decided', {
      assignmentId: a.id,
      approved: body.approve,
      until,
      note: body.note,
    });
  });
}

/** The lead completes the document; what is still open with others is closed with it. */
export async function completeDocument(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  body: { result: string; fileIds: string[] },
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const a = await ownAssignment(ctx, assignmentId);
    const state = nextAssignmentState(a, 'complete');
    const docState = nextDocumentState(ctx.doc.state, 'complete');
    await repo.updateAssignment(ctx.tx, a.id, {
      state,
      result: body.result,
      completedAt: ctx.now,
      readAt: a.readAt ?? ctx.now,
      startedAt: a.startedAt ?? ctx.now,
    });
    for (const other of await repo.activeAssignments(ctx.tx, ctx.doc.id))
      if (other.id !== a.id && (other.state === 'assigned' || other.state === 'in_progress'))
        await repo.updateAssignment(ctx.tx, other.id, { state: 'completed', completedAt: ctx.now });
    const files = (await attachUploads(ctx, ctx.doc.id, body.fileIds, 'handling', a.id)).map(
      (f) => f.id,
    );
    await repo.updateDocument(ctx.tx, ctx.doc.id, {
      state: docState,
      result: body.result,
      completedAt: ctx.now,
      completedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    const watchers = [ctx.doc.directedBy, ctx.doc.registeredBy].filter(
      (x): x is string => x !== null,
    );
    await notifyAbout(ctx, ctx.doc, watchers, 'incoming.completed');
    await auditStep(ctx, ctx.doc, 'incoming.completed', {
      assignmentId: a.id,
      result: body.result,
      files,
    });
  });
}
