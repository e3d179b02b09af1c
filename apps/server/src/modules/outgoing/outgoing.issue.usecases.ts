import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { correctDelivered, receiveDocument, revokeDelivered } from '../incoming/index.js';
import { agencyHeader } from './outgoing.compose.js';
import { outgoingErrors } from './outgoing.errors.js';
import { isSecret, nextOutgoingState } from './outgoing.models.js';
import * as repo from './outgoing.repository.js';
import {
  auditOutgoing,
  inOutgoingStep,
  notifyOutgoing,
  requireClerkOf,
  type OutgoingDeps,
  type OutgoingStep,
} from './outgoing.usecase-kit.js';

/** Agencies with an active clerk in this instance receive directly; the others through the hub. */
async function agenciesServedHere(tx: Db, agencyIds: string[]): Promise<Set<string>> {
  if (agencyIds.length === 0) return new Set();
  const rows = await queryRows<{ agency_id: string }>(
    tx,
    sql`select distinct r.agency_id from user_roles r join users u on u.id = r.user_id
        where r.role = 'clerk' and not u.disabled
          and r.agency_id = any(${uuidArray(agencyIds)})`,
  );
  return new Set(rows.map((r) => r.agency_id));
}

async function signerOf(tx: Db, userId: string) {
  const [row] = await queryRows<{ full_name: string }>(
    tx,
    sql`select full_name from users where id = ${userId}`,
  );
  return row?.full_name ?? null;
}

/**
 * Issue to every recipient in one transaction, the same day (Decree 30 Art. 16 §2): agencies in
 * this instance get an incoming document in their clerks' "to register" list that links back
 * here; other agencies are queued for the exchange hub; units of the own agency are notified;
 * free-text recipients are sent on paper. Confidential documents never go to the hub queue.
 */
export async function issueOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireClerkOf(ctx);
    const { doc } = ctx;
    const state = nextOutgoingState(doc.state, 'issue');
    const recipients = await repo.recipients(ctx.tx, id);
    if (recipients.length === 0) throw outgoingErrors.noRecipients();
    const agencyIds = recipients.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
    const local = await agenciesServedHere(ctx.tx, agencyIds);
    const remote = recipients.filter((r) => r.kind === 'agency' && !local.has(r.agencyId!));
    if (isSecret(doc.secrecy) && remote.length > 0)
      throw outgoingErrors.secretNotNetworked(
        `Deliver these on paper or inside the system: ${remote.map((r) => r.name).join('; ')}`,
      );
    const files = await repo.versionFiles(ctx.tx, id, doc.currentVersion);
    const header = await agencyHeader(ctx.tx, doc.agencyId);
    const signerName = await signerOf(ctx.tx, doc.signerId);
    const replaced = doc.replacesId ? await repo.lockDocument(ctx.tx, doc.replacesId) : null;
    for (const r of recipients) {
      const delivered = { statusAt: ctx.now };
      if (r.kind === 'agency' && local.has(r.agencyId!)) {
        const incomingId = await receiveDocument(
          ctx.tx,
          {
            agencyId: r.agencyId!,
            source: 'internal',
            sourceRef: id,
            metadata: {
              senderName: header.name,
              senderAgencyId: doc.agencyId,
              reference: doc.reference ?? '',
              issueDate: doc.issueDate ?? ctx.today,
              docType: doc.docType,
              subject: doc.subject,
              ...(signerName ? { signerName } : {}),
              ...(doc.signerPosition ? { signerPosition: doc.signerPosition } : {}),
              urgency: doc.urgency,
              secrecy: doc.secrecy,
            },
            fileIds: files.map((f) => f.fileId),
            uploadedBy: actor.userId,
          },
          ctx.now,
        );
        await repo.updateRecipient(ctx.tx, r.id, {
          channel: 'internal',
          status: 'delivered',
          incomingDocumentId: incomingId,
          ...delivered,
        });
      } else if (r.kind === 'agency') {
        await repo.enqueueHub(ctx.tx, {
          id: newId(),
          outgoingId: id,
          recipientId: r.id,
          toAgencyCode: r.agencyCode!,
          businessType: replaced ? 'replace' : 'new',
          createdAt: ctx.now,
        });
        await repo.updateRecipient(ctx.tx, r.id, {
          channel: 'hub',
          status: 'queued',
          ...delivered,
        });
      } else if (r.kind === 'unit') {
        await repo.updateRecipient(ctx.tx, r.id, {
          channel: 'internal',
          status: 'delivered',
          ...delivered,
        });
        const heads = await unitHeads(ctx.tx, r.unitId!);
        await notifyOutgoing(ctx, doc, heads, 'outgoing.delivered_to_unit');
      } else {
        await repo.updateRecipient(ctx.tx, r.id, {
          channel: 'paper',
          status: 'paper',
          ...delivered,
        });
      }
    }
    await repo.updateDocument(ctx.tx, id, {
      state,
      issuedAt: ctx.now,
      issuedBy: actor.userId,
      updatedAt: ctx.now,
    });
    await auditOutgoing(ctx, doc, 'outgoing.issued', {
      reference: doc.reference,
      internal: recipients.filter((r) => r.agencyId && local.has(r.agencyId)).length,
      hub: remote.length,
    });
    await notifyOutgoing(ctx, doc, [doc.drafterId, doc.signerId], 'outgoing.issued');
    if (replaced?.state === 'issued')
      await revokeInStep(
        { ...ctx, doc: replaced },
        `Được thay thế bởi văn bản ${doc.reference ?? ''}`.trim(),
      );
  });
}

async function unitHeads(tx: Db, unitId: string) {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select r.user_id from user_roles r join users u on u.id = r.user_id
        where r.unit_id = ${unitId} and r.role = 'unit_head' and not u.disabled`,
  );
  return rows.map((r) => r.user_id);
}

/** Freezes an issued document and takes it out of every recipient's active lists. */
async function revokeInStep(ctx: OutgoingStep, reason: string) {
  const { doc } = ctx;
  const state = nextOutgoingState(doc.state, 'revoke');
  for (const r of await repo.recipients(ctx.tx, doc.id)) {
    if (r.incomingDocumentId) await revokeDelivered(ctx.tx, r.incomingDocumentId, reason, ctx.now);
    if (r.channel === 'hub')
      await repo.enqueueHub(ctx.tx, {
        id: newId(),
        outgoingId: doc.id,
        recipientId: r.id,
        toAgencyCode: r.agencyCode!,
        businessType: 'revoke',
        createdAt: ctx.now,
      });
    await repo.updateRecipient(ctx.tx, r.id, { status: 'revoked', statusAt: ctx.now });
  }
  await repo.updateDocument(ctx.tx, doc.id, {
    state,
    revokedAt: ctx.now,
    revokedBy: ctx.actor.userId,
    revokeReason: reason,
    updatedAt: ctx.now,
  });
  await auditOutgoing(ctx, doc, 'outgoing.revoked', { reason });
}

export async function revokeOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  reason: string,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireClerkOf(ctx);
    await revokeInStep(ctx, reason);
  });
}

/** Corrects subject or urgency of an issued document; internal recipients see the change. */
export async function correctOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  change: {
    subject?: string | undefined;
    urgency?: 'normal' | 'urgent' | 'top_urgent' | 'flash' | undefined;
    reason: string;
  },
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireClerkOf(ctx);
    if (ctx.doc.state !== 'issued')
      throw outgoingErrors.invalidTransition('Only an issued document can be corrected');
    await repo.updateDocument(ctx.tx, id, {
      ...(change.subject ? { subject: change.subject } : {}),
      ...(change.urgency ? { urgency: change.urgency } : {}),
      updatedAt: ctx.now,
    });
    for (const r of await repo.recipients(ctx.tx, id)) {
      if (r.incomingDocumentId)
        await correctDelivered(ctx.tx, r.incomingDocumentId, change, ctx.now);
      if (r.channel === 'hub')
        await repo.enqueueHub(ctx.tx, {
          id: newId(),
          outgoingId: id,
          recipientId: r.id,
          toAgencyCode: r.agencyCode!,
          businessType: 'update',
          createdAt: ctx.now,
        });
    }
    await auditOutgoing(ctx, ctx.doc, 'outgoing.corrected', change);
  });
}

/**
 * Drafts a replacement of an issued document (edXML business type replace): same metadata and
 * recipients, a fresh draft; when it is issued, the old one is revoked with a pointer to it.
 */
export async function replaceOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<string> {
  return inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    const { doc } = ctx;
    const allowed =
      ctx.scope.clerkAgencyIds.includes(doc.agencyId) || ctx.scope.userIds.includes(doc.drafterId);
    if (!allowed) throw outgoingErrors.forbidden();
    if (doc.state !== 'issued' || (await repo.replacementOf(ctx.tx, id)))
      throw outgoingErrors.invalidTransition('Only an issued, not yet replaced document');
    const newDocId = newId();
    await repo.insertDocument(ctx.tx, {
      ...doc,
      id: newDocId,
      state: 'draft',
      drafterId: actor.userId,
      currentVersion: 0,
      reviewRound: 0,
      registerId: null,
      number: null,
      notation: null,
      reference: null,
      issueDate: null,
      signedAt: null,
      numberedAt: null,
      numberedBy: null,
      sealedAt: null,
      sealedBy: null,
      issuedAt: null,
      issuedBy: null,
      replacesId: id,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const recipients = await repo.recipients(ctx.tx, id);
    await repo.replaceRecipients(
      ctx.tx,
      newDocId,
      recipients.map((r) => ({
        ...r,
        id: newId(),
        channel: null,
        status: 'pending' as const,
        incomingDocumentId: null,
        statusAt: null,
      })),
    );
    await auditOutgoing(ctx, doc, 'outgoing.replacement_drafted', { replacementId: newDocId });
    return newDocId;
  });
}
