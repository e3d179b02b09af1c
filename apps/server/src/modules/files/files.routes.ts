import multipart from '@fastify/multipart';
import {
  fileContentQuerySchema,
  fileParamsSchema,
  fileSchema,
  fileUploadBodySchema,
} from '@vanban/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { downloadFile } from './download.usecases.js';
import { filesErrors } from './files.errors.js';
import { presentFile } from './files.presenters.js';
import { findReadableFile, uploadFile } from './files.usecases.js';

const tags = ['files'];

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export const registerFilesRoutes: RouteModule = async (api, deps) => {
  // Multipart only where uploads happen: its parser leaves the body unread, and the handler
  // streams the one file part to storage, so the zod body schema below only documents the form.
  await api.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: deps.config.upload.maxBytes,
        files: 1,
        fields: 10,
        fieldSize: 4096,
        parts: 12,
      },
      throwFileSizeLimit: false,
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/files',
      {
        schema: {
          tags,
          summary: 'Upload a file (multipart/form-data, one file part); same bytes are kept once',
          consumes: ['multipart/form-data'],
          body: fileUploadBodySchema,
          response: { 201: fileSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const part = request.isMultipart() ? await request.file() : undefined;
        if (!part) throw filesErrors.fileRequired();
        const file = await uploadFile(deps, actor, requestMeta(request), {
          filename: part.filename,
          mimetype: part.mimetype,
          stream: part.file,
          truncated: () => part.file.truncated,
        });
        return reply.status(201).send(file);
      },
    );
  });

  api.get(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'A file you uploaded or may see through a document',
        params: fileParamsSchema,
        response: { 200: fileSchema },
      },
    },
    async (request) =>
      presentFile(await findReadableFile(deps, requireActor(request), request.params.id)),
  );

  api.get(
    '/files/:id/content',
    {
      schema: {
        tags,
        summary:
          'Download (or with disposition=inline, preview) the bytes; supports Range and ETag',
        params: fileParamsSchema,
        querystring: fileContentQuerySchema,
      },
    },
    async (request, reply) => {
      const result = await downloadFile(deps, requireActor(request), request.params.id, {
        disposition: request.query.disposition,
        range: header(request.headers.range),
        ifRange: header(request.headers['if-range']),
        ifNoneMatch: header(request.headers['if-none-match']),
      });
      void reply.status(result.status).headers(result.headers);
      return result.body ? reply.send(result.body) : reply.send();
    },
  );
};
