import {
  certificateListSchema,
  certificateSchema,
  importCertificateBodySchema,
  signatureImageBodySchema,
  signatureImageSchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import * as usecases from './signatures.usecases.js';

const tags = ['certificates and signature images'];
const idParams = z.object({ id: uuidSchema });

export const registerSignatureRoutes: RouteModule = (api, deps) => {
  api.get(
    '/certificates',
    {
      schema: {
        tags,
        summary: "The user's own certificates and their agencies' (all for admins)",
        response: { 200: certificateListSchema },
      },
    },
    async (request) => usecases.listCertificates(deps, requireActor(request)),
  );
  api.post(
    '/certificates',
    {
      bodyLimit: 400_000,
      schema: {
        tags,
        summary: 'Import a PKCS#12 (.p12/.pfx) for a person or an agency; retires the previous one',
        body: importCertificateBodySchema,
        response: { 201: certificateSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const cert = await usecases.importCertificate(
        deps,
        actor,
        requestMeta(request),
        request.body,
      );
      return reply.code(201).send(cert);
    },
  );
  api.post(
    '/certificates/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Stop using a certificate',
        params: idParams,
        response: { 200: certificateSchema },
      },
    },
    async (request) =>
      usecases.deactivateCertificate(
        deps,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
  api.get(
    '/signature-images',
    {
      schema: {
        tags,
        summary: 'Signature images and seals in use, of the user and their agencies',
        response: { 200: z.object({ items: z.array(signatureImageSchema) }) },
      },
    },
    async (request) => usecases.listSignatureImages(deps, requireActor(request)),
  );
  api.put(
    '/signature-images',
    {
      bodyLimit: 3_000_000,
      schema: {
        tags,
        summary: 'Upload a transparent PNG signature image (person) or seal (agency)',
        body: signatureImageBodySchema,
        response: { 200: signatureImageSchema },
      },
    },
    async (request) =>
      usecases.uploadSignatureImage(
        deps,
        requireActor(request),
        requestMeta(request),
        request.body,
      ),
  );
  api.get(
    '/signature-images/:id/content',
    { schema: { tags, summary: 'The PNG', params: idParams } },
    async (request, reply) => {
      const png = await usecases.signatureImageContent(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply.type('image/png').header('cache-control', 'private, max-age=300').send(png);
    },
  );
};
