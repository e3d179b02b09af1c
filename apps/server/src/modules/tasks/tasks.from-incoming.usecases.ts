import type { CreateTaskFromIncomingBody } from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { readDirectionForTask } from '../incoming/index.js';
import { actingLeader, insertNewTask } from './tasks.create.usecases.js';
import { tasksErrors } from './tasks.errors.js';
import { allowedOwnerAgencies, resolveCoOwners, resolveDue, resolveOwner } from './tasks.owners.js';
import { inTaskTransaction, type TaskDeps } from './tasks.usecase-kit.js';

/**
 * A task from an incoming document's direction (Decree 30 Art. 22: the leader's direction names
 * the lead, the co-handlers and the deadline): the lead becomes the owner, the co-handlers
 * co-owners, the direction the description, the subject the title. Only a leader or deputy of the
 * receiving agency who sees the document may do it.
 */
export async function createTaskFromIncoming(
  deps: TaskDeps,
  actor: Actor,
  body: CreateTaskFromIncomingBody,
  meta: RequestMeta,
): Promise<string> {
  return inTaskTransaction(deps, actor, meta, async (ctx) => {
    const doc = await readDirectionForTask(ctx.tx, ctx.scope, body.incomingDocumentId);
    const path = 'body.incomingDocumentId';
    if (!doc)
      throw tasksErrors.sourceInvalid('No such incoming document', {
        errors: [{ path, message: body.incomingDocumentId, code: 'not_found' }],
      });
    if (!ctx.scope.leaderAgencyIds.includes(doc.agencyId))
      throw tasksErrors.forbidden('Only a leader or deputy of the receiving agency');
    const lead = doc.lead;
    if (!lead || doc.direction === null || ['returned', 'revoked'].includes(doc.state))
      throw tasksErrors.sourceInvalid('The document has no direction to turn into a task', {
        errors: [{ path, message: doc.state, code: 'not_directed' }],
      });
    const allowed = await allowedOwnerAgencies(ctx.tx, [doc.agencyId], ctx.today);
    const ownerInput = body.owner ?? {
      ...(lead.unitId ? { unitId: lead.unitId } : {}),
      ...(lead.userId ? { userId: lead.userId } : {}),
    };
    const owner = await resolveOwner(ctx.tx, ownerInput, doc.agencyId, allowed);
    const coOwnerInput =
      body.coOwners ??
      doc.coHandlers.map((c) =>
        c.userId
          ? { kind: 'user' as const, id: c.userId }
          : { kind: 'unit' as const, id: c.unitId! },
      );
    const coOwners = await resolveCoOwners(ctx.tx, coOwnerInput, allowed, owner);
    // The work was given when the leader directed the document.
    const directedOn = doc.directedAt ? vietnamDate(doc.directedAt) : ctx.today;
    const startDate = directedOn < ctx.today ? directedOn : ctx.today;
    const dueDate =
      body.due !== undefined
        ? await resolveDue(ctx.tx, body.due, startDate, ctx.today)
        : (lead.dueDate ?? doc.dueDate);
    return insertNewTask(ctx, {
      agencyId: doc.agencyId,
      parent: null,
      owner,
      coOwners,
      title: body.title ?? doc.subject,
      description: body.description ?? doc.direction,
      startDate,
      dueDate: dueDate !== null && dueDate < startDate ? startDate : dueDate,
      urgency: doc.urgency,
      secrecy: doc.secrecy,
      public: body.public,
      reportPeriod: body.reportPeriod,
      assigningLeaderId: doc.directedBy ?? actingLeader(ctx, doc.agencyId),
      source: { type: 'incoming_document', id: doc.id },
      fileIds: [],
    });
  });
}
