import type { MeResponse } from '@vanban/contracts';
import { createContext, useContext } from 'react';

export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in user; only usable below the authenticated layout. */
export function useSession(): MeResponse {
  const me = useContext(SessionContext);
  if (!me) {
    throw new Error('useSession() needs the authenticated layout above it');
  }
  return me;
}
