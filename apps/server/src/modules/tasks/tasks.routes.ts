import {
  assignTaskBodySchema,
  cancelTaskBodySchema,
  completeTaskBodySchema,
  createSubtaskBodySchema,
  createTaskBodySchema,
  createTaskFromIncomingBodySchema,
  setTaskParentBodySchema,
  taskCountsSchema,
  taskDetailSchema,
  taskHistoryEventSchema,
  taskListQuerySchema,
  taskListResponseSchema,
  taskReportBodySchema,
  updateTaskBodySchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { setTaskParent } from './tasks.cascade.usecases.js';
import { cancelTask, completeTask } from './tasks.closing.usecases.js';
import { createSubtask, createTask } from './tasks.create.usecases.js';
import { createTaskFromIncoming } from './tasks.from-incoming.usecases.js';
import { countTasks, getTask, listTasks, openTask, taskHistory } from './tasks.views.usecases.js';
import * as workflow from './tasks.workflow.usecases.js';

const tags = ['tasks'];
const params = z.object({ id: uuidSchema });

export const registerTaskRoutes: RouteModule = (api, deps) => {
  const created = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, p: { id?: string }, body: z.infer<B>, meta: RequestMeta) => Promise<string>,
    withParams = false,
  ) =>
    api.post(
      path,
      {
        schema: {
          tags,
          summary,
          ...(withParams ? { params } : {}),
          body,
          response: { 201: taskDetailSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const p = request.params as { id?: string };
        const id = await run(actor, p, request.body as z.infer<B>, requestMeta(request));
        return reply.status(201).send(await getTask(deps, actor, id));
      },
    );

  created(
    '/tasks',
    'Give a task (on its own, or from an outgoing document)',
    createTaskBodySchema,
    (a, _p, b, m) => createTask(deps, a, b, m),
  );
  created(
    '/tasks/from-incoming',
    "Turn an incoming document's direction into a task (lead → owner, co-handlers → co-owners)",
    createTaskFromIncomingBodySchema,
    (a, _p, b, m) => createTaskFromIncoming(deps, a, b, m),
  );
  created(
    '/tasks/:id/subtasks',
    'Split a task: a sub-task for a unit, a person or an agency below (cascade)',
    createSubtaskBodySchema,
    (a, p, b, m) => createSubtask(deps, a, p.id!, b, m),
    true,
  );

  api.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'A task list (assigned to me, my unit, assigned by me, agency, overdue, all)',
        querystring: taskListQuerySchema,
        response: { 200: taskListResponseSchema },
      },
    },
    async (request) => listTasks(deps, requireActor(request), request.query),
  );

  api.get(
    '/tasks/counts',
    {
      schema: {
        tags,
        summary: 'Open tasks in each list (all: every visible task)',
        response: { 200: taskCountsSchema },
      },
    },
    async (request) => countTasks(deps, requireActor(request)),
  );

  api.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'The task page: owner, progress, sub-task tree, reports, files, history, actions',
        params,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) =>
      openTask(deps, requireActor(request), request.params.id, requestMeta(request)),
  );

  api.get(
    '/tasks/:id/history',
    {
      schema: {
        tags,
        summary: 'Every change of the task, from the audit trail',
        params,
        response: { 200: z.object({ items: z.array(taskHistoryEventSchema) }) },
      },
    },
    async (request) => ({
      items: await taskHistory(deps, requireActor(request), request.params.id),
    }),
  );

  api.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change title, description, due date (with a reason), publication',
        params,
        body: updateTaskBodySchema,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await workflow.updateTask(deps, actor, request.params.id, request.body, requestMeta(request));
      return getTask(deps, actor, request.params.id);
    },
  );

  /** Every task action answers with the task page as it now is. */
  const action = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, id: string, body: z.infer<B>, meta: RequestMeta) => Promise<unknown>,
  ) =>
    api.post(
      path,
      { schema: { tags, summary, params, body, response: { 200: taskDetailSchema } } },
      async (request) => {
        const actor = requireActor(request);
        const { id } = request.params as { id: string };
        await run(actor, id, request.body as z.infer<B>, requestMeta(request));
        return getTask(deps, actor, id);
      },
    );
  const empty = z.strictObject({}).default({});

  action(
    '/tasks/:id/assign',
    'Give the task to another owner',
    assignTaskBodySchema,
    (a, id, b, m) => workflow.assignTask(deps, a, id, b, m),
  );
  action('/tasks/:id/start', 'The owner starts the task', empty, (a, id, _b, m) =>
    workflow.startTask(deps, a, id, m),
  );
  action(
    '/tasks/:id/reports',
    'A progress report (0–100 %, text, files); rolls up to the parent tasks',
    taskReportBodySchema,
    (a, id, b, m) => workflow.reportProgress(deps, a, id, b, m),
  );
  action(
    '/tasks/:id/complete',
    'Complete with the result (and files); sub-tasks must be closed',
    completeTaskBodySchema,
    (a, id, b, m) => completeTask(deps, a, id, b, m),
  );
  action(
    '/tasks/:id/cancel',
    'Cancel with a reason (open sub-tasks too)',
    cancelTaskBodySchema,
    (a, id, b, m) => cancelTask(deps, a, id, b.reason, m),
  );
  action(
    '/tasks/:id/parent',
    'Attach the task under another task, or detach it (null)',
    setTaskParentBodySchema,
    (a, id, b, m) => setTaskParent(deps, a, id, b.parentId, m),
  );
};
