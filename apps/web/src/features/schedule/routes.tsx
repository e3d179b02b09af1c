import type { RouteObject } from 'react-router';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { SchedulePage } from './SchedulePage';

const scheduleRoles = navItems.find((item) => item.id === 'schedule')?.roles ?? null;

/** `/schedule[?week=2026-W47]`: the agency's weekly schedule. */
export const scheduleRoute: RouteObject = {
  path: 'schedule',
  element: (
    <RequireRole roles={scheduleRoles}>
      <SchedulePage />
    </RequireRole>
  ),
};
