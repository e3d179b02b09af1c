import {
  batchSignBodySchema,
  batchSignResponseSchema,
  correctBodySchema,
  createOutgoingBodySchema,
  newVersionBodySchema,
  numberBodySchema,
  outgoingCountsSchema,
  outgoingDetailSchema,
  outgoingListQuerySchema,
  outgoingListResponseSchema,
  outgoingReasonBodySchema,
  reviewBodySchema,
  signBodySchema,
  submitForReviewBodySchema,
  updateOutgoingBodySchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import * as drafting from './outgoing.drafting.usecases.js';
import * as issuing from './outgoing.issue.usecases.js';
import { registerOutgoingRegisterRoute } from './outgoing.register.routes.js';
import * as signing from './outgoing.signing.usecases.js';
import * as views from './outgoing.views.usecases.js';

const tags = ['outgoing documents'];
const params = z.object({ id: uuidSchema });
const created = z.object({ id: uuidSchema });

export const registerOutgoingRoutes: RouteModule = (api, deps) => {
  /** An action on one document, answered with the document as it is now. */
  function action<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, id: string, meta: RequestMeta, body: z.infer<B>) => Promise<unknown>,
  ) {
    api.post(
      `/outgoing/:id/${path}`,
      { schema: { tags, summary, params, body, response: { 200: outgoingDetailSchema } } },
      async (request) => {
        const actor = requireActor(request);
        await run(actor, request.params.id, requestMeta(request), request.body as z.infer<B>);
        return views.getOutgoing(deps, actor, request.params.id);
      },
    );
  }

  api.post(
    '/outgoing',
    {
      schema: {
        tags,
        summary: 'Draft an outgoing document (files uploaded first, or text to lay out)',
        body: createOutgoingBodySchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await drafting.createOutgoing(deps, actor, requestMeta(request), request.body);
      return reply.code(201).send({ id });
    },
  );
  api.get(
    '/outgoing',
    {
      schema: {
        tags,
        summary: 'Outgoing documents in a list (drafts, to review, to sign, to number…)',
        querystring: outgoingListQuerySchema,
        response: { 200: outgoingListResponseSchema },
      },
    },
    async (request) => views.listOutgoingDocuments(deps, requireActor(request), request.query),
  );
  api.get(
    '/outgoing/counts',
    { schema: { tags, summary: 'Count of every list', response: { 200: outgoingCountsSchema } } },
    async (request) => views.countOutgoingDocuments(deps, requireActor(request)),
  );
  registerOutgoingRegisterRoute(api, deps);
  api.get(
    '/outgoing/:id',
    {
      schema: {
        tags,
        summary: 'The document page',
        params,
        response: { 200: outgoingDetailSchema },
      },
    },
    async (request) => views.getOutgoing(deps, requireActor(request), request.params.id),
  );
  api.patch(
    '/outgoing/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft',
        params,
        body: updateOutgoingBodySchema,
        response: { 200: outgoingDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await drafting.updateOutgoing(
        deps,
        actor,
        request.params.id,
        requestMeta(request),
        request.body,
      );
      return views.getOutgoing(deps, actor, request.params.id);
    },
  );
  api.post(
    '/outgoing/sign-batch',
    {
      schema: {
        tags,
        summary: 'Sign several approved documents; each succeeds or fails on its own',
        body: batchSignBodySchema,
        response: { 200: batchSignResponseSchema },
      },
    },
    async (request) =>
      signing.batchSign(deps, requireActor(request), request.body.ids, requestMeta(request)),
  );
  api.post(
    '/outgoing/:id/replace',
    {
      schema: {
        tags,
        summary: 'Draft a replacement of an issued document',
        params,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await issuing.replaceOutgoing(
        deps,
        actor,
        request.params.id,
        requestMeta(request),
      );
      return reply.code(201).send({ id });
    },
  );
  action('versions', 'Add a new version of the files', newVersionBodySchema, (a, id, m, b) =>
    drafting.addVersion(deps, a, id, m, b),
  );
  action('submit', 'Submit for review', submitForReviewBodySchema, (a, id, m, b) =>
    drafting.submitForReview(deps, a, id, m, b),
  );
  action(
    'review',
    'Approve, or return to the drafter with a comment',
    reviewBodySchema,
    (a, id, m, b) => drafting.reviewOutgoing(deps, a, id, m, b),
  );
  action('sign', 'Sign with the personal certificate', signBodySchema, (a, id, m, b) =>
    signing.signOutgoing(deps, a, id, m, b.box),
  );
  action('number', 'Take the next number and stamp it', numberBodySchema, (a, id, m, b) =>
    signing.numberOutgoing(deps, a, id, m, b),
  );
  action('seal', 'Agency signature', z.strictObject({}), (a, id, m) =>
    signing.sealOutgoing(deps, a, id, m),
  );
  action('issue', 'Issue to every recipient', z.strictObject({}), (a, id, m) =>
    issuing.issueOutgoing(deps, a, id, m),
  );
  action('revoke', 'Revoke an issued document', outgoingReasonBodySchema, (a, id, m, b) =>
    issuing.revokeOutgoing(deps, a, id, m, b.reason),
  );
  action(
    'correct',
    'Correct subject or urgency of an issued document',
    correctBodySchema,
    (a, id, m, b) => issuing.correctOutgoing(deps, a, id, m, b),
  );
};
