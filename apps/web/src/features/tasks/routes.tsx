import type { RouteObject } from 'react-router';
import { Outlet } from 'react-router';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { TaskPage } from './TaskPage';
import { TasksListPage } from './TasksListPage';

const taskRoles = navItems.find((item) => item.id === 'tasks')?.roles ?? null;

/** `/tasks[?view=]` and `/tasks/:id`. */
export const tasksRoute: RouteObject = {
  path: 'tasks',
  element: (
    <RequireRole roles={taskRoles}>
      <Outlet />
    </RequireRole>
  ),
  children: [
    { index: true, element: <TasksListPage /> },
    { path: ':id', element: <TaskPage /> },
  ],
};
