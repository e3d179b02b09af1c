import {
  auditEventSchema,
  commentBodySchema,
  completeBodySchema,
  directBodySchema,
  documentTypeSchema,
  extensionDecisionBodySchema,
  extensionRequestBodySchema,
  incomingCountsSchema,
  incomingDetailSchema,
  incomingListQuerySchema,
  incomingListResponseSchema,
  incomingSearchQuerySchema,
  incomingSearchResponseSchema,
  incomingStatsQuerySchema,
  incomingStatsSchema,
  reasonBodySchema,
  reassignBodySchema,
  registerIncomingBodySchema,
  registerReceivedBodySchema,
  registerReportQuerySchema,
  reportBodySchema,
  submitBodySchema,
  uuidSchema,
} from '@vanban/contracts';
import { DOCUMENT_TYPES } from '@vanban/edxml';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import {
  registerIncoming,
  registerReceived,
  returnToSender,
  submitDocument,
} from './incoming.registration.usecases.js';
import { exportIncomingRegister, incomingRegisterReport } from './incoming.report.usecases.js';
import { getIncomingSettings, updateIncomingSettings } from './incoming.settings.usecases.js';
import { incomingStats } from './incoming.stats.usecases.js';
import {
  countIncoming,
  getIncoming,
  incomingHistory,
  listIncoming,
  openIncoming,
  searchIncoming,
} from './incoming.views.usecases.js';
import * as workflow from './incoming.workflow.usecases.js';

const tags = ['incoming documents'];
const docParams = z.object({ id: uuidSchema });
const assignmentParams = z.object({ id: uuidSchema, assignmentId: uuidSchema });
const registerReportJsonSchema = z.object({
  meta: z.object({
    agencyName: z.string(),
    registerName: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const registerIncomingRoutes: RouteModule = (api, deps) => {
  api.get(
    '/document-types',
    {
      schema: {
        tags,
        summary: 'Document types of Decree 30 Art. 7 (administrative) and legal normative types',
        response: { 200: z.array(documentTypeSchema) },
      },
    },
    async () =>
      DOCUMENT_TYPES.map((t) => ({
        code: t.code,
        name: t.name,
        abbreviation: t.abbreviation ?? null,
        legal: t.legal,
      })),
  );

  const settingsSchema = z.strictObject({
    agencyId: uuidSchema,
    submitTo: z.enum(['leader', 'unit']),
    dueSoonWorkingDays: z.number().int().min(0).max(30),
  });
  api.get(
    '/incoming/settings',
    {
      schema: {
        tags,
        summary: "How the agency's incoming documents flow (leader first, or straight to units)",
        querystring: z.strictObject({ agencyId: uuidSchema.optional() }),
        response: { 200: settingsSchema },
      },
    },
    async (request) =>
      getIncomingSettings(deps, request.query.agencyId ?? requireActor(request).agencyId),
  );
  api.put(
    '/incoming/settings',
    {
      config: { admin: true },
      schema: {
        tags,
        summary: 'Change the incoming flow of an agency',
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) =>
      updateIncomingSettings(deps, requireActor(request), request.body, requestMeta(request)),
  );

  api.post(
    '/incoming',
    {
      schema: {
        tags,
        summary: 'Register an incoming document (paper or e-mail) with its arrival number',
        body: registerIncomingBodySchema,
        response: { 201: incomingDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meta = requestMeta(request);
      const id = await registerIncoming(deps, actor, request.body, meta);
      return reply.status(201).send(await getIncoming(deps, actor, id));
    },
  );

  api.get(
    '/incoming',
    {
      schema: {
        tags,
        summary: 'An inbox view, keyset-paginated, sortable and filterable',
        querystring: incomingListQuerySchema,
        response: { 200: incomingListResponseSchema },
      },
    },
    async (request) => listIncoming(deps, requireActor(request), request.query),
  );

  api.get(
    '/incoming/counts',
    {
      schema: {
        tags,
        summary: 'Counts of every inbox view',
        response: { 200: incomingCountsSchema },
      },
    },
    async (request) => countIncoming(deps, requireActor(request)),
  );

  api.get(
    '/incoming/stats',
    {
      schema: {
        tags,
        summary: 'On-time handling per month (completed on time, late, open and overdue)',
        querystring: incomingStatsQuerySchema,
        response: { 200: incomingStatsSchema },
      },
    },
    async (request) => incomingStats(deps, requireActor(request), request.query),
  );

  api.get(
    '/incoming/search',
    {
      schema: {
        tags,
        summary: 'Full-text search (diacritics-insensitive) and number/notation search',
        querystring: incomingSearchQuerySchema,
        response: { 200: incomingSearchResponseSchema },
      },
    },
    async (request) => searchIncoming(deps, requireActor(request), request.query),
  );

  api.get(
    '/incoming/register',
    {
      schema: {
        tags,
        summary: 'The incoming register (Decree 30 App. IV) for a date range: XLSX, PDF or JSON',
        querystring: registerReportQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      if (q.format === 'json') {
        const report = await incomingRegisterReport(deps, actor, q);
        return registerReportJsonSchema.parse(report);
      }
      const body = await exportIncomingRegister(deps, actor, { ...q, format: q.format });
      const name = `so-van-ban-den_${q.from}_${q.to}.${q.format}`;
      return reply
        .type(
          q.format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/pdf',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );

  api.get(
    '/incoming/:id',
    {
      schema: {
        tags,
        summary: 'The document page: metadata, files, assignments, comments, allowed actions',
        params: docParams,
        response: { 200: incomingDetailSchema },
      },
    },
    async (request) =>
      openIncoming(deps, requireActor(request), request.params.id, requestMeta(request)),
  );

  api.get(
    '/incoming/:id/history',
    {
      schema: {
        tags,
        summary: 'Every step of the document, from the audit trail',
        params: docParams,
        response: { 200: z.object({ items: z.array(auditEventSchema) }) },
      },
    },
    async (request) => ({
      items: await incomingHistory(deps, requireActor(request), request.params.id),
    }),
  );

  /** Every workflow action answers with the document page as it now is. */
  const action = <B extends z.ZodType, P extends typeof docParams | typeof assignmentParams>(
    path: string,
    summary: string,
    params: P,
    body: B,
    run: (
      actor: ReturnType<typeof requireActor>,
      params: z.infer<P>,
      body: z.infer<B>,
      meta: ReturnType<typeof requestMeta>,
    ) => Promise<unknown>,
  ) =>
    api.post(
      path,
      { schema: { tags, summary, params, body, response: { 200: incomingDetailSchema } } },
      async (request) => {
        const actor = requireActor(request);
        const meta = requestMeta(request);
        const p = request.params as z.infer<P>;
        await run(actor, p, request.body as z.infer<B>, meta);
        return getIncoming(deps, actor, p.id);
      },
    );
  const empty = z.strictObject({}).default({});

  action(
    '/incoming/:id/register',
    'Register a document delivered by another agency',
    docParams,
    registerReceivedBodySchema,
    (actor, p, b, m) => registerReceived(deps, actor, p.id, b, m),
  );
  action(
    '/incoming/:id/submit',
    'Present the document to a leader (or a unit)',
    docParams,
    submitBodySchema,
    (actor, p, b, m) => submitDocument(deps, actor, p.id, b, m),
  );
  action(
    '/incoming/:id/return-to-sender',
    'Return a wrongly addressed document',
    docParams,
    reasonBodySchema,
    (actor, p, b, m) => returnToSender(deps, actor, p.id, b.reason, m),
  );
  action(
    '/incoming/:id/direct',
    "The leader's direction and assignments",
    docParams,
    directBodySchema,
    (actor, p, b, m) => workflow.directDocument(deps, actor, p.id, b, m),
  );
  action(
    '/incoming/:id/comments',
    'Comment, optionally with files',
    docParams,
    commentBodySchema,
    (actor, p, b, m) => workflow.comment(deps, actor, p.id, b, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/reassign',
    'A unit head re-assigns inside the unit',
    assignmentParams,
    reassignBodySchema,
    (actor, p, b, m) => workflow.reassign(deps, actor, p.id, p.assignmentId, b, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/start',
    'Start handling',
    assignmentParams,
    empty,
    (actor, p, _b, m) => workflow.startHandling(deps, actor, p.id, p.assignmentId, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/report',
    'A co-handler reports their result',
    assignmentParams,
    reportBodySchema,
    (actor, p, b, m) => workflow.reportResult(deps, actor, p.id, p.assignmentId, b, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/acknowledge',
    'Confirm a for-information document was read',
    assignmentParams,
    empty,
    (actor, p, _b, m) => workflow.acknowledge(deps, actor, p.id, p.assignmentId, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/return',
    'Give the assignment back with a reason',
    assignmentParams,
    reasonBodySchema,
    (actor, p, b, m) => workflow.returnAssignment(deps, actor, p.id, p.assignmentId, b.reason, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/extension',
    'Ask for a later deadline',
    assignmentParams,
    extensionRequestBodySchema,
    (actor, p, b, m) => workflow.requestExtension(deps, actor, p.id, p.assignmentId, b, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/extension/decision',
    'Approve or refuse an extension',
    assignmentParams,
    extensionDecisionBodySchema,
    (actor, p, b, m) => workflow.decideExtension(deps, actor, p.id, p.assignmentId, b, m),
  );
  action(
    '/incoming/:id/assignments/:assignmentId/complete',
    'The lead completes the document',
    assignmentParams,
    completeBodySchema,
    (actor, p, b, m) => workflow.completeDocument(deps, actor, p.id, p.assignmentId, b, m),
  );
};
