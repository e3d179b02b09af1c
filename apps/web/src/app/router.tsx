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
import { ModulePlaceholder } from '../features/modules/ModulePlaceholder';
import { navItems } from '../features/shell/navigation';
import type { ModuleId } from '../features/shell/navigation';
import { RequireRole } from '../features/shell/RequireRole';
import { RequireSession } from '../features/shell/RequireSession';
import { SessionWatcher } from '../features/shell/SessionWatcher';

const moduleRoutes = navItems
  .filter(
    (item): item is typeof item & { id: ModuleId } =>
      ![
        'home',
        'incoming',
        'outgoing',
        'admin',
        'schedule',
        'workRecords',
        'tasks',
        'dashboards',
      ].includes(item.id),
  )
  .map((item) => ({
    path: item.path.slice(1),
    element: (
      <RequireRole roles={item.roles}>
        <ModulePlaceholder module={item.id} />
      </RequireRole>
    ),
  }));

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
            ...moduleRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
