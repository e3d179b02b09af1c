import type { Secrecy, Urgency } from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import type { ActorScope } from './incoming.models.js';
import * as repo from './incoming.repository.js';

/** A document's direction as another module (tasks) reads it: who leads, who helps, by when. */
export interface DirectionForTask {
  id: string;
  agencyId: string;
  state: string;
  reference: string;
  subject: string;
  urgency: Urgency;
  secrecy: Secrecy;
  dueDate: string | null;
  direction: string | null;
  directedBy: string | null;
  directedAt: Date | null;
  lead: { unitId: string | null; userId: string | null; dueDate: string | null } | null;
  coHandlers: { unitId: string | null; userId: string | null }[];
}

/**
 * The direction of a document the actor may see (null when it does not exist or is not visible:
 * existence is not revealed). Only active assignments count: a unit's assignment passed on to a
 * person is represented by the person's.
 */
export async function readDirectionForTask(
  db: Db,
  scope: ActorScope,
  documentId: string,
): Promise<DirectionForTask | null> {
  const doc = await repo.findVisibleDocument(db, scope, documentId);
  if (!doc) return null;
  const active = (await repo.listAssignments(db, documentId)).filter((a) => a.active);
  const lead = active.find((a) => a.role === 'lead');
  return {
    id: doc.id,
    agencyId: doc.agencyId,
    state: doc.state,
    reference: doc.reference,
    subject: doc.subject,
    urgency: doc.urgency,
    secrecy: doc.secrecy,
    dueDate: doc.dueDate,
    direction: doc.direction,
    directedBy: doc.directedBy,
    directedAt: doc.directedAt,
    lead: lead ? { unitId: lead.unitId, userId: lead.userId, dueDate: lead.dueDate } : null,
    coHandlers: active
      .filter((a) => a.role === 'co_handler')
      .map((a) => ({ unitId: a.unitId, userId: a.userId })),
  };
}
