package io.shegong.core.graphql;

/**
 * A GraphQL type that `node(id:)` can fetch: its name (also the global id's prefix and the
 * record's class name) and the request loader that fetches it by id. Tenant data is refused to
 * callers without a tenant role before anything is read.
 */
public record NodeType(String typeName, String loader, boolean tenantData) {

    /** A feature's Node types. */
    public interface Source {
        java.util.List<NodeType> nodeTypes();
    }
}
