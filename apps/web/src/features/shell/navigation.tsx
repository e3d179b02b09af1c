import type { Role } from '@vanban/contracts';
import {
  IconBriefcase,
  IconCalendarWeek,
  IconChartBar,
  IconChecklist,
  IconFileExport,
  IconFileImport,
  IconHome,
  IconSettings,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type ModuleId =
  'incoming' | 'outgoing' | 'workRecords' | 'tasks' | 'schedule' | 'dashboards' | 'admin';

export interface NavItem {
  id: 'home' | ModuleId;
  path: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Roles that see the entry; `null` means every signed-in user. */
  roles: readonly Role[] | null;
}

const documentRoles: readonly Role[] = ['clerk', 'leader', 'deputy', 'unit_head', 'specialist'];

/**
 * The main navigation. Document modules are for the people who handle documents; `admin`
 * only sees Administration (plus Home) unless they also hold a business role.
 */
export const navItems: readonly NavItem[] = [
  { id: 'home', path: '/', icon: IconHome, roles: null },
  { id: 'incoming', path: '/incoming', icon: IconFileImport, roles: documentRoles },
  { id: 'outgoing', path: '/outgoing', icon: IconFileExport, roles: documentRoles },
  { id: 'workRecords', path: '/work-records', icon: IconBriefcase, roles: documentRoles },
  {
    id: 'tasks',
    path: '/tasks',
    icon: IconChecklist,
    roles: ['leader', 'deputy', 'unit_head', 'specialist'],
  },
  { id: 'schedule', path: '/schedule', icon: IconCalendarWeek, roles: documentRoles },
  {
    id: 'dashboards',
    path: '/dashboards',
    icon: IconChartBar,
    roles: ['leader', 'deputy', 'clerk', 'admin'],
  },
  { id: 'admin', path: '/admin', icon: IconSettings, roles: ['admin'] },
];

export function canSee(item: Pick<NavItem, 'roles'>, roles: ReadonlySet<Role>): boolean {
  return item.roles === null || item.roles.some((role) => roles.has(role));
}

export function visibleNavItems(roles: ReadonlySet<Role>): NavItem[] {
  return navItems.filter((item) => canSee(item, roles));
}
