import type { RouteObject } from 'react-router';
import { Outlet } from 'react-router';
import { navItems } from '../shell/navigation';
import { RequireRole } from '../shell/RequireRole';
import { CataloguePage } from './CataloguePage';
import { RecordPage } from './RecordPage';
import { RecordsListPage } from './RecordsListPage';

const recordRoles = navItems.find((item) => item.id === 'workRecords')?.roles ?? null;

/** `/work-records`, `/work-records/catalogue[?year=]`, `/work-records/:id`. */
export const workRecordsRoute: RouteObject = {
  path: 'work-records',
  element: (
    <RequireRole roles={recordRoles}>
      <Outlet />
    </RequireRole>
  ),
  children: [
    { index: true, element: <RecordsListPage /> },
    { path: 'catalogue', element: <CataloguePage /> },
    { path: ':id', element: <RecordPage /> },
  ],
};
