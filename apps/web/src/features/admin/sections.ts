import type { Role } from '@vanban/contracts';
import {
  IconBellRinging,
  IconBook,
  IconBuildingCommunity,
  IconCalendar,
  IconCertificate,
  IconTarget,
  IconWorld,
  IconFileUpload,
  IconShieldCheck,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type AdminSectionId =
  | 'agencies'
  | 'import'
  | 'users'
  | 'delegations'
  | 'certificates'
  | 'registers'
  | 'calendar'
  | 'audit'
  | 'reminders'
  | 'publication'
  | 'targets';

export interface AdminSection {
  id: AdminSectionId;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Roles that may open the section (the API decides the rest). */
  roles: readonly Role[];
}

const admin: readonly Role[] = ['admin'];

/**
 * The sections of `/admin/<id>`. Registers are also for the clerks and leaders who keep them
 * (the register API refuses anyone else); so are the agency's reminder rules and publication.
 */
export const adminSections: readonly AdminSection[] = [
  { id: 'agencies', icon: IconBuildingCommunity, roles: admin },
  { id: 'import', icon: IconFileUpload, roles: admin },
  { id: 'users', icon: IconUsers, roles: admin },
  { id: 'delegations', icon: IconUserShare, roles: admin },
  { id: 'certificates', icon: IconCertificate, roles: admin },
  { id: 'registers', icon: IconBook, roles: ['admin', 'clerk', 'leader', 'deputy'] },
  { id: 'calendar', icon: IconCalendar, roles: admin },
  { id: 'audit', icon: IconShieldCheck, roles: admin },
  // The agency's reminder rules: its administrators, clerks and leaders (Decree 30 Art. 24(1)(c)).
  { id: 'reminders', icon: IconBellRinging, roles: ['admin', 'clerk', 'leader'] },
  // What the agency makes public is its head's decision, or an administrator's.
  { id: 'publication', icon: IconWorld, roles: ['admin', 'leader'] },
  { id: 'targets', icon: IconTarget, roles: admin },
];

export function sectionRoles(id: AdminSectionId): readonly Role[] {
  return adminSections.find((section) => section.id === id)?.roles ?? admin;
}

export function visibleSections(held: ReadonlySet<Role>): AdminSection[] {
  return adminSections.filter((section) => section.roles.some((role) => held.has(role)));
}
