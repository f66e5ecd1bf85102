package io.shegong.core.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The schema's custom scalars. */
final class Scalars {
    private Scalars() {
    }

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate d) {
                        return d.toString();
                    }
                    throw new CoercingSerializeException("not a date");
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(input);
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        try {
                            return parse(s.getValue());
                        } catch (CoercingParseValueException e) {
                            throw new CoercingParseLiteralException(e.getMessage());
                        }
                    }
                    throw new CoercingParseLiteralException("Expected a date as yyyy-mm-dd");
                }
            })
            .build();

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant i) {
                        return i.toString();
                    }
                    throw new CoercingSerializeException("not an instant");
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return OffsetDateTime.parse(String.valueOf(input)).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseValueException("Expected an ISO-8601 date-time with offset");
                    }
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        try {
                            return OffsetDateTime.parse(s.getValue()).toInstant();
                        } catch (DateTimeParseException e) {
                            throw new CoercingParseLiteralException("Expected an ISO-8601 date-time with offset");
                        }
                    }
                    throw new CoercingParseLiteralException("Expected an ISO-8601 date-time with offset");
                }
            })
            .build();

    /** The dates a bureau's records can hold; beyond them a date is a typing slip, not data. */
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2199, 12, 31);

    private static LocalDate parse(Object input) {
        if (input instanceof String s) {
            try {
                LocalDate d = LocalDate.parse(s);
                if (d.isBefore(FIRST) || d.isAfter(LAST)) {
                    throw new CoercingParseValueException("Expected a date between " + FIRST + " and " + LAST + ", got '" + s + "'");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new CoercingParseValueException("Expected a date as yyyy-mm-dd, got '" + s + "'");
            }
        }
        throw new CoercingParseValueException("Expected a date as yyyy-mm-dd");
    }
}
