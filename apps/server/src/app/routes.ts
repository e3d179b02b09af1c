import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerFilesRoutes } from '../modules/files/files.routes.js';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.js';
import { registerAuthRoutes } from '../modules/identity/auth.routes.js';
import { registerPeopleRoutes } from '../modules/identity/people.routes.js';
import { registerUsersRoutes } from '../modules/identity/users.routes.js';
import { registerOrganizationsRoutes } from '../modules/organizations/organizations.routes.js';
import { registerIncomingRoutes } from '../modules/incoming/index.js';
import {
  registerNotificationPreferenceRoutes,
  registerNotificationRoutes,
} from '../modules/notifications/index.js';
import { registerReminderRoutes } from '../modules/reminders/index.js';
import { registerOutgoingRoutes } from '../modules/outgoing/index.js';
import { registerSignatureRoutes } from '../modules/signatures/index.js';
import { registerDashboardRoutes } from '../modules/dashboards/index.js';
import { registerScheduleRoutes } from '../modules/schedule/index.js';
import { registerPublicationRoutes } from '../modules/publication/index.js';
import { registerRecordsRoutes } from '../modules/records/index.js';
import { registerTaskRoutes } from '../modules/tasks/index.js';
import type { AppDependencies } from './dependencies.js';
import { registerHealthRoutes } from './health.routes.js';

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export type RouteModule = (api: Api, deps: AppDependencies) => Promise<void> | void;

/** The one list of every module's routes, mounted under /api. */
export const routeModules: RouteModule[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerUsersRoutes,
  registerOrganizationsRoutes,
  registerAuditRoutes,
  registerFilesRoutes,
  registerCalendarRoutes,
  registerIncomingRoutes,
  registerNotificationRoutes,
  registerPeopleRoutes,
  registerSignatureRoutes,
  registerOutgoingRoutes,
  registerNotificationPreferenceRoutes,
  registerReminderRoutes,
  registerDashboardRoutes,
  registerScheduleRoutes,
  registerPublicationRoutes,
  registerRecordsRoutes,
  registerTaskRoutes,
];
