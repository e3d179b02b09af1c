import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage, RouteErrorPage } from '../features/errors/StatusPages';
import { accountRoute, adminRoute } from '../features/admin/routes';
import { HomePage } from '../features/home/HomePage';
import { dashboardsRoute } from '../features/dashboards/routes';
import { incomingRoute } from '../features/incoming/routes';
import { outgoingRoute } from '../features/outgoing/routes';
import { publicRoute } from '../features/public/routes';
import { scheduleRoute } from '../features/schedule/routes';
import { tasksRoute } from '../features/tasks/routes';
import { workRecordsRoute } from '../features/work-records/routes';
import { RequireSession } from '../features/shell/RequireSession';
import { SessionWatcher } from '../features/shell/SessionWatcher';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <SessionWatcher />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/login', element: <LoginPage /> },
        publicRoute,
        {
          path: '/',
          element: <RequireSession />,
          children: [
            { index: true, element: <HomePage /> },
            incomingRoute,
            outgoingRoute,
            scheduleRoute,
            workRecordsRoute,
            tasksRoute,
            dashboardsRoute,
            adminRoute,
            accountRoute,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
