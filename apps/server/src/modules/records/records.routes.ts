import {
  addRecordItemBodySchema,
  archiveRecordBodySchema,
  closeRecordBodySchema,
  dueForArchiveResponseSchema,
  openRecordBodySchema,
  recordDetailSchema,
  recordListQuerySchema,
  recordListResponseSchema,
  reopenRecordBodySchema,
  reorderRecordItemsBodySchema,
  updateRecordBodySchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { registerCatalogueRoutes } from './records.catalogue.routes.js';
import { exportRecordPdf, exportRecordXml } from './records.export.usecases.js';
import * as lifecycle from './records.lifecycle.usecases.js';
import * as records from './records.usecases.js';
import * as views from './records.views.usecases.js';

const tags = ['work records'];
const params = z.object({ id: uuidSchema });
const itemParams = z.object({ id: uuidSchema, itemId: uuidSchema });

export const registerRecordsRoutes: RouteModule = (api, deps) => {
  /** An action on one record, answered with the record as it is now. */
  function action<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, id: string, meta: RequestMeta, body: z.infer<B>) => Promise<unknown>,
  ) {
    api.post(
      `/records/:id/${path}`,
      { schema: { tags, summary, params, body, response: { 200: recordDetailSchema } } },
      async (request) => {
        const actor = requireActor(request);
        await run(actor, request.params.id, requestMeta(request), request.body as z.infer<B>);
        return views.getRecord(deps, actor, request.params.id);
      },
    );
  }

  registerCatalogueRoutes(api, deps);
  api.get(
    '/records',
    {
      schema: {
        tags,
        summary: 'Work records the viewer may see (year, state, text in title or code)',
        querystring: recordListQuerySchema,
        response: { 200: recordListResponseSchema },
      },
    },
    async (request) => views.listRecords(deps, requireActor(request), request.query),
  );
  api.get(
    '/records/due-for-archive',
    {
      schema: {
        tags,
        summary: 'Closed records due for transfer to the agency archive within 30 days, or late',
        response: { 200: dueForArchiveResponseSchema },
      },
    },
    async (request) => views.listDueForArchive(deps, requireActor(request)),
  );
  api.post(
    '/records',
    {
      schema: {
        tags,
        summary: 'Open a record from a catalogue entry or ad hoc (Art. 29 §2)',
        body: openRecordBodySchema,
        response: { 201: recordDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await records.openRecord(deps, actor, requestMeta(request), request.body);
      return reply.code(201).send(await views.getRecord(deps, actor, id));
    },
  );
  api.get(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'The record: metadata (App. VI §III) and its documents in order',
        params,
        response: { 200: recordDetailSchema },
      },
    },
    async (request) =>
      views.viewRecord(deps, requireActor(request), request.params.id, requestMeta(request)),
  );
  api.patch(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'Fill in or correct the metadata of an open record',
        params,
        body: updateRecordBodySchema,
        response: { 200: recordDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await records.updateRecord(
        deps,
        actor,
        request.params.id,
        requestMeta(request),
        request.body,
      );
      return views.getRecord(deps, actor, request.params.id);
    },
  );
  api.post(
    '/records/:id/items',
    {
      schema: {
        tags,
        summary: 'Put an incoming or outgoing document in the record (by reference, no copy)',
        params,
        body: addRecordItemBodySchema,
        response: { 201: recordDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await records.addItem(deps, actor, request.params.id, requestMeta(request), request.body);
      return reply.code(201).send(await views.getRecord(deps, actor, request.params.id));
    },
  );
  api.delete(
    '/records/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Take a document out of an open record',
        params: itemParams,
        response: { 200: recordDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, itemId } = request.params;
      await records.removeItem(deps, actor, id, itemId, requestMeta(request));
      return views.getRecord(deps, actor, id);
    },
  );
  action(
    'items/reorder',
    'Put the documents in a new order, or in date order',
    reorderRecordItemsBodySchema,
    (actor, id, meta, body) => records.reorderItems(deps, actor, id, meta, body),
  );
  action(
    'close',
    'Close the record: every document handled or issued, metadata complete (Art. 29 §4)',
    closeRecordBodySchema,
    (actor, id, meta, body) => lifecycle.closeRecord(deps, actor, id, meta, body),
  );
  action(
    'reopen',
    'Reopen a closed record not yet in the archive',
    reopenRecordBodySchema,
    (actor, id, meta, body) => lifecycle.reopenRecord(deps, actor, id, meta, body.reason),
  );
  action(
    'archive',
    'Transfer the record to the agency archive; it is locked from then on (Art. 30)',
    archiveRecordBodySchema,
    (actor, id, meta, body) => lifecycle.archiveRecord(deps, actor, id, meta, body.note),
  );
  api.get(
    '/records/:id/export.pdf',
    {
      schema: {
        tags,
        summary: 'The record as one PDF: index of documents, then each main PDF in order',
        params,
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await exportRecordPdf(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(pdf);
    },
  );
  api.get(
    '/records/:id/export.xml',
    {
      schema: {
        tags,
        summary: 'The record metadata as XML with the field names of App. VI Part II',
        params,
      },
    },
    async (request, reply) => {
      const { xml, fileName } = await exportRecordXml(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(xml);
    },
  );
};
