export { registerPublicationRoutes, PUBLIC_RATE_LIMIT } from './publication.routes.js';
