import { errorCodes } from '@vanban/contracts';
import type { Location } from 'react-router';

/** `/login?next=<where the user was>` (+ `reason=expired` when the session ran out). */
export function loginPath(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  code?: string,
): string {
  const params = new URLSearchParams();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (here !== '/' && !location.pathname.startsWith('/login')) {
    params.set('next', here);
  }
  if (code === errorCodes.authSessionExpired) {
    params.set('reason', 'expired');
  }
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
