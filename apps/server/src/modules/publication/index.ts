export { registerPublicationRoutes } from './publication.routes.js';
