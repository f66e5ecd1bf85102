import { useQuery } from 'urql';
import { graphql } from '../gql';

const LookupsQuery = graphql(`
  query Lookups {
    stationKinds {
      code labelZh labelEn requiresDomain
      requiredRooms { code labelZh labelEn source }
      requiredRules { code labelZh labelEn source }
    }
    divisions(first: 100) { edges { node { id code nameZh nameEn level } } }
    policyProfile {
      id
      vocabularies {
        rooms { code labelZh labelEn }
        rules { code labelZh labelEn }
        domains { code labelZh labelEn }
      }
    }
  }
`);

/** Kinds, divisions and the vocabularies in force: the pickers of the station forms and filters. */
export function useLookups() {
  const [{ data, error }] = useQuery({ query: LookupsQuery, requestPolicy: 'cache-first' });
  return {
    error,
    kinds: data?.stationKinds ?? [],
    divisions: data?.divisions.edges.map((e) => e.node) ?? [],
    vocabularies: data?.policyProfile?.vocabularies,
  };
}
