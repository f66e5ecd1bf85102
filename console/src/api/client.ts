import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { errorCode } from './errors';

/**
 * The console's one GraphQL client. The token is read on every request, so signing in again
 * needs no new client; an UNAUTHENTICATED answer (expired, disabled user, changed password)
 * ends the session and the sign-in page asks again.
 */
export function createClient(token: () => string | null, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    // documents that change data name what they change, so the cache refetches the lists it holds
    exchanges: [
      mapExchange({
        onError(error) {
          if (errorCode(error) === 'UNAUTHENTICATED') onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    preferGetMethod: false,
    // A page that closes (a dialog, a navigation, the end of a session) tears its queries down;
    // their answers are then dropped, not cut off: a cancelled request reads as a failure in the
    // browser's log and in monitoring, and the answers are small.
    fetch: (input, init) => fetch(input, { ...init, signal: undefined }),
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const t = token();
      const headers: Record<string, string> = t ? { Authorization: `Bearer ${t}` } : {};
      return { headers };
    },
  });
}
