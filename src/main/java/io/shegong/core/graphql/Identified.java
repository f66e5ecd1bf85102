package io.shegong.core.graphql;

import java.util.UUID;

/** A record behind a GraphQL `Node`; its GraphQL `id` is the global form of this id. */
public interface Identified {
    UUID id();
}
