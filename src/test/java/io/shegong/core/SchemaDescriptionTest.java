package io.shegong.core;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frontend developers read the API from the descriptions in `schema.graphqls` (GraphiQL, generated
 * types): every type, field, argument, input field, enum value and scalar must have one.
 */
class SchemaDescriptionTest {

    @Test
    void everyElementOfTheSchemaFile_hasADescription() throws Exception {
        List<String> missing = undescribed(Files.readString(Path.of("schema.graphqls")));
        assertTrue(missing.isEmpty(), missing.size() + " elements of schema.graphqls have no description:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void eachKindOfElementWithoutADescription_isNamed() {
        String sdl = """
                scalar Date
                "An interface." interface Node { id: ID! }
                "The root." type Query {
                  "Described." node(id: ID!, "Described." on: Date): Node
                  plain: Thing
                }
                extend type Query { "  " blank: String }
                "" type Thing implements Node { "Id." id: ID! }
                union Any = Thing
                enum Colour { "Red." RED BLUE }
                "An input." input Filter { colour: Colour "Text." text: String }
                type Mutation { "Described." run(filter: Filter): Boolean }
                """;
        assertEquals(List.of(
                "argument Mutation.run(filter:)",
                "argument Query.node(id:)",
                "enum Colour",
                "enum value Colour.BLUE",
                "field Node.id",
                "field Query.blank",
                "field Query.plain",
                "input field Filter.colour",
                "scalar Date",
                "type Mutation",
                "type Thing",
                "union Any"), undescribed(sdl).stream().sorted().toList());
    }

    /**
     * Every element the schema defines without a description, named by kind and path (e.g.
     * `argument Query.node(id:)`). Introspection types and the standard scalars are not the
     * schema's own and are skipped; type extensions are merged into their types.
     */
    static List<String> undescribed(String sdl) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || ScalarInfo.isGraphqlSpecifiedScalar(name)) {
                continue;
            }
            check(missing, type.getDescription(), kind(type) + " " + name);
            if (type instanceof GraphQLFieldsContainer fields) {
                for (GraphQLFieldDefinition field : fields.getFieldDefinitions()) {
                    check(missing, field.getDescription(), "field " + name + "." + field.getName());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check(missing, argument.getDescription(),
                                "argument " + name + "." + field.getName() + "(" + argument.getName() + ":)");
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    check(missing, field.getDescription(), "input field " + name + "." + field.getName());
                }
            } else if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    check(missing, value.getDescription(), "enum value " + name + "." + value.getName());
                }
            }
        }
        return missing;
    }

    private static String kind(GraphQLNamedType type) {
        return switch (type) {
            case GraphQLScalarType s -> "scalar";
            case GraphQLEnumType e -> "enum";
            case GraphQLInputObjectType i -> "input";
            case graphql.schema.GraphQLInterfaceType i -> "interface";
            case graphql.schema.GraphQLUnionType u -> "union";
            default -> "type";
        };
    }

    private static void check(List<String> missing, String description, String element) {
        if (description == null || description.isBlank()) {
            missing.add(element);
        }
    }
}
