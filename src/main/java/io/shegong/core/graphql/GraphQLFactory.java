package io.shegong.core.graphql;

import graphql.GraphQL;
import graphql.TypeResolutionEnvironment;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.language.Description;
import graphql.scalars.ExtendedScalars;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the one GraphQL runtime from `schema.graphqls` and every feature's wiring. */
@Factory
public class GraphQLFactory {
    public static final String SCHEMA = "schema.graphqls";

    @Singleton
    public GraphQL graphQL(ResourceResolver resources, List<Wiring> wirings, GraphQLLimits limits, MutationRunner mutations) {
        TypeDefinitionRegistry types = new SchemaParser().parse(schemaText(resources));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(describedBySchema(Scalars.DATE, types))
                .scalar(describedBySchema(Scalars.DATE_TIME, types))
                .scalar(describedBySchema(ExtendedScalars.Json, types))
                .type("Node", t -> t.typeResolver(GraphQLFactory::nodeType));
        wirings.forEach(w -> w.contribute(wiring));
        GraphQLSchema schema = withMutationsRunBy(mutations,
                new SchemaGenerator().makeExecutableSchema(types, wiring.build()));
        ErrorReporting errors = new ErrorReporting();
        GraphQL.Builder graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .instrumentation(new OperationGuard(limits));
        if (limits.getDocumentCache() > 0) {
            graphQL.preparsedDocumentProvider(new DocumentCache(limits.getDocumentCache()));
        }
        return graphQL.build();
    }

    /** Every Mutation field's fetcher, wrapped once here rather than looked at on every field of every request. */
    private static GraphQLSchema withMutationsRunBy(MutationRunner mutations, GraphQLSchema schema) {
        GraphQLObjectType mutation = schema.getMutationType();
        GraphQLCodeRegistry registry = schema.getCodeRegistry().transform(b -> {
            for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
                FieldCoordinates at = FieldCoordinates.coordinates(mutation, field);
                b.dataFetcher(at, mutations.around(schema.getCodeRegistry().getDataFetcher(at, field)));
            }
        });
        return schema.transformWithoutTypes(b -> b.codeRegistry(registry));
    }

    /** The schema file as loaded from the classpath; the service refuses to start without it. */
    public static String schemaText(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:" + SCHEMA)
                .orElseThrow(() -> new IllegalStateException(SCHEMA + " is not on the classpath"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCHEMA, e);
        }
    }

    /** A library scalar with the description the schema file gives it, so the file stays the source of truth. */
    private static GraphQLScalarType describedBySchema(GraphQLScalarType scalar, TypeDefinitionRegistry types) {
        Description d = types.scalars().get(scalar.getName()).getDescription();
        return scalar.transform(b -> b.description(d == null ? null : d.getContent()));
    }

    private static GraphQLObjectType nodeType(TypeResolutionEnvironment env) {
        return env.getSchema().getObjectType(env.getObject().getClass().getSimpleName());
    }
}
