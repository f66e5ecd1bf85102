import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useRights } from '../session';

/** The overview, or for a platform administrator, who reads nothing inside a bureau, the tenants. */
export default function Home({ overview }: { overview: ReactNode }) {
  const rights = useRights();
  return rights.platform ? <Navigate to="/tenants" replace /> : overview;
}
