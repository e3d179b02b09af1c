import type { Role } from '@vanban/contracts';
import type { ReactNode } from 'react';
import { userRoles } from '../../app/auth';
import { useSession } from '../../app/session';
import { ForbiddenPage } from '../errors/StatusPages';

/** Shows the page only to users holding one of `roles`; others get an honest 403 page. */
export function RequireRole({
  roles,
  children,
}: {
  roles: readonly Role[] | null;
  children: ReactNode;
}) {
  const me = useSession();
  const held = userRoles(me);
  if (roles !== null && !roles.some((role) => held.has(role))) {
    return <ForbiddenPage />;
  }
  return children;
}
