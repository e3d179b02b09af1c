export { registerDashboardRoutes } from './dashboards.routes.js';
