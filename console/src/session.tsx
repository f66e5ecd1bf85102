import { createContext, useContext } from 'react';
import type { Session } from './auth';

export interface SessionState {
  session: Session;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

/**
 * The stations a STATION_OPERATOR is granted (`viewer.grantedStations`), read once by the shell:
 * the roles come with the token, the grants only from the service.
 */
export const GrantsContext = createContext<ReadonlySet<string>>(new Set());

/**
 * The bureau's today (`viewer.tenant.today`, in its time zone by the service's clock), read once by
 * the shell; null until it arrives, and for a platform administrator, who has no bureau.
 */
export const TodayContext = createContext<string | null>(null);

/** The bureau's today as `YYYY-MM-DD`, or null while it is read: a page's "this year" comes from it, not the browser's clock. */
export function useBureauToday(): string | null {
  return useContext(TodayContext);
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in console');
  return s;
}

/** What the caller's roles let the console offer; the service checks every write again. */
export function useRights() {
  const { session } = useSession();
  const granted = useContext(GrantsContext);
  const has = (r: string) => session.roles.includes(r);
  const admin = has('TENANT_ADMIN');
  const operator = has('STATION_OPERATOR');
  const canEditStation = (stationId: string) => admin || (operator && granted.has(stationId));
  return {
    admin,
    platform: has('PLATFORM_ADMIN'),
    editStations: admin || operator,
    /** Status moves but closing: an administrator, or an operator granted the station. */
    canEditStation,
    closeStations: admin,
    registerWorkers: admin || operator,
    /** A worker's record and training: an administrator, or an operator of a station where the worker holds a post now. */
    canEditWorker: (currentStationIds: readonly string[]) => admin || currentStationIds.some(canEditStation),
    personalFields: admin,
    recordVisits: admin || has('SUPERVISOR'),
    editWorkers: admin || operator,
    editPolicy: admin,
    manageUsers: admin,
    importExcel: admin,
  };
}
