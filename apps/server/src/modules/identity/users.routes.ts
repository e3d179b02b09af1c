import {
  assignPositionBodySchema,
  assignRoleBodySchema,
  createUserBodySchema,
  okSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userListResponseSchema,
  userSchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { usersAdmin } from './index.js';

const tags = ['admin: users'];
const admin = { admin: true };
const idParams = z.object({ id: uuidSchema });

export const registerUsersRoutes: RouteModule = (api, deps) => {
  api.get(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Users of the agencies you administer',
        querystring: userListQuerySchema,
        response: { 200: userListResponseSchema },
      },
    },
    async (request) => usersAdmin.listUsers(deps, requireActor(request), request.query),
  );
  api.post(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create a user',
        body: createUserBodySchema,
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await usersAdmin.createUser(
            deps,
            requireActor(request),
            request.body,
            requestMeta(request),
          ),
        ),
  );
  api.get(
    '/admin/users/:id',
    {
      config: admin,
      schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema } },
    },
    async (request) => usersAdmin.getUser(deps, requireActor(request), request.params.id),
  );
  api.patch(
    '/admin/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Update or disable a user',
        params: idParams,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      usersAdmin.updateUser(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
  api.post(
    '/admin/users/:id/reset-password',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set a new password, unlock and sign out everywhere',
        params: idParams,
        body: resetPasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await usersAdmin.resetPassword(
        deps,
        requireActor(request),
        request.params.id,
        request.body.password,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );
  api.post(
    '/admin/users/:id/roles',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Assign a role in an agency or unit',
        params: idParams,
        body: assignRoleBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      usersAdmin.assignRole(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
  api.delete(
    '/admin/users/:id/roles/:roleId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Remove a role assignment',
        params: z.object({ id: uuidSchema, roleId: uuidSchema }),
        response: { 200: userSchema },
      },
    },
    async (request) =>
      usersAdmin.removeRole(
        deps,
        requireActor(request),
        request.params.id,
        request.params.roleId,
        requestMeta(request),
      ),
  );
  api.post(
    '/admin/users/:id/positions',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Record a position (chức vụ)',
        params: idParams,
        body: assignPositionBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      usersAdmin.assignPosition(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
};
