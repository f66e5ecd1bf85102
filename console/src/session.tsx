import { createContext, useContext } from 'react';
import type { Session } from './auth';

export interface SessionState {
  session: Session;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in console');
  return s;
}

/** What the caller's roles let the console offer; the service checks every write again. */
export function useRights() {
  const { session } = useSession();
  const has = (r: string) => session.roles.includes(r);
  const admin = has('TENANT_ADMIN');
  return {
    admin,
    editStations: admin || has('STATION_OPERATOR'),
    editWorkers: admin || has('STATION_OPERATOR'),
    editPolicy: admin,
    manageUsers: admin,
    importExcel: admin,
  };
}
