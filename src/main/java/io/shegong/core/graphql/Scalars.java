package io.shegong.core.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The schema's date scalars: the library's ISO-8601 `Date` and `DateTime`, with two additions of
 * the service's own. Dates must lie where a bureau's records can (a year like -999999999 is a
 * typing slip, not data), and instants are written as date-times in UTC.
 */
final class Scalars {
    /** The dates a bureau's records can hold. */
    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2199, 12, 31);

    private Scalars() {
    }

    static final GraphQLScalarType DATE = ExtendedScalars.Date.transform(b -> b.coercing(
            new PlausibleDates(ExtendedScalars.Date.getCoercing())));

    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(b -> b.coercing(
            new Instants(ExtendedScalars.DateTime.getCoercing())));

    @SuppressWarnings("unchecked")
    private record PlausibleDates(Coercing<?, ?> library) implements Coercing<LocalDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return (String) ((Coercing<Object, Object>) library).serialize(value, context, locale);
        }

        @Override
        public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
            LocalDate d = (LocalDate) ((Coercing<Object, Object>) library).parseValue(input, context, locale);
            if (d.isBefore(FIRST) || d.isAfter(LAST)) {
                throw new CoercingParseValueException("Expected a date between " + FIRST + " and " + LAST + ", got '" + d + "'");
            }
            return d;
        }

        @Override
        public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            LocalDate d = (LocalDate) ((Coercing<Object, Object>) library).parseLiteral(input, variables, context, locale);
            if (d.isBefore(FIRST) || d.isAfter(LAST)) {
                throw new CoercingParseLiteralException("Expected a date between " + FIRST + " and " + LAST + ", got '" + d + "'");
            }
            return d;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return ((Coercing<Object, Object>) library).valueToLiteral(input, context, locale);
        }
    }

    @SuppressWarnings("unchecked")
    private record Instants(Coercing<?, ?> library) implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            Object v = value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : value;
            return (String) ((Coercing<Object, Object>) library).serialize(v, context, locale);
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            return ((OffsetDateTime) ((Coercing<Object, Object>) library).parseValue(input, context, locale)).toInstant();
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return ((OffsetDateTime) ((Coercing<Object, Object>) library).parseLiteral(input, variables, context, locale)).toInstant();
        }
    }
}
