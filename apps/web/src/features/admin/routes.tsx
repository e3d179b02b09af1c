import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { AdminIndex, AdminLayout } from './AdminLayout';
import { AgenciesPage } from './AgenciesPage';
import { AgencyDetailPage } from './AgencyDetailPage';
import { AuditPage } from './AuditPage';
import { CalendarPage } from './CalendarPage';
import { CertificatesPage } from './CertificatesPage';
import { DashboardTargetsPage } from '../settings/DashboardTargetsPage';
import { PublicationSettingsPage } from '../settings/PublicationSettingsPage';
import { ReminderSettingsPage } from '../settings/ReminderSettingsPage';
import { DelegationsPage } from './DelegationsPage';
import { ImportPage } from './ImportPage';
import { RegistersPage } from './RegistersPage';
import type { AdminSectionId } from './sections';
import { sectionRoles } from './sections';
import { UserDetailPage } from './UserDetailPage';
import { UsersPage } from './UsersPage';

export { accountRoute } from '../account/routes';

function guarded(id: AdminSectionId, path: string, element: ReactNode): RouteObject {
  return { path, element: <RequireRole roles={sectionRoles(id)}>{element}</RequireRole> };
}

/**
 * `/admin/*`: the directory (tree, agency page with units, import), users, delegations,
 * certificates and signature images, registers, the working calendar and the audit trail. Every
 * section is for administrators, except registers (also clerks and leaders).
 */
export const adminRoute: RouteObject = {
  path: 'admin',
  element: <AdminLayout />,
  children: [
    { index: true, element: <AdminIndex /> },
    guarded('agencies', 'agencies', <AgenciesPage />),
    guarded('agencies', 'agencies/:id', <AgencyDetailPage />),
    guarded('import', 'import', <ImportPage />),
    guarded('users', 'users', <UsersPage />),
    guarded('users', 'users/:id', <UserDetailPage />),
    guarded('delegations', 'delegations', <DelegationsPage />),
    guarded('certificates', 'certificates', <CertificatesPage scope="all" />),
    guarded('registers', 'registers', <RegistersPage />),
    guarded('calendar', 'calendar', <CalendarPage />),
    guarded('audit', 'audit', <AuditPage />),
    guarded('reminders', 'reminders', <ReminderSettingsPage />),
    guarded('publication', 'publication', <PublicationSettingsPage />),
    guarded('targets', 'targets', <DashboardTargetsPage />),
  ],
};
