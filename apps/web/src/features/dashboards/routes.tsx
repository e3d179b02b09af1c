import type { RouteObject } from 'react-router';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { DashboardPage } from './DashboardPage';

const dashboardRoles = navItems.find((item) => item.id === 'dashboards')?.roles ?? null;

export const dashboardsRoute: RouteObject = {
  path: 'dashboards',
  element: (
    <RequireRole roles={dashboardRoles}>
      <DashboardPage />
    </RequireRole>
  ),
};
