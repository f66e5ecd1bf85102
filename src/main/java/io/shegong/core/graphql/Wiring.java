package io.shegong.core.graphql;

import graphql.schema.idl.RuntimeWiring;

/** A feature's share of the GraphQL runtime: its fetchers, one class per GraphQL type. */
public interface Wiring {
    void contribute(RuntimeWiring.Builder wiring);
}
