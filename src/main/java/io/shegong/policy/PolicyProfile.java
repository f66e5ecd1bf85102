package io.shegong.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One revision of a bureau's policy profile. The document is kept as the bureau wrote it, in a
 * jsonb column; its tenant is the bound one (the column's default), never a field of the record.
 */
@MappedEntity("policy_profile")
@NamingStrategy(ColumnNames.class)
public record PolicyProfile(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("revision") int revision,
        @MappedProperty("status") String status,
        @MappedProperty("effective_from") @Nullable LocalDate effectiveFrom,
        @MappedProperty("based_on") @Nullable Integer basedOn,
        @MappedProperty("document") @TypeDef(type = DataType.JSON) Map<String, Object> document,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_by") String createdBy,
        @MappedProperty("created_at") @Nullable @DateCreated Instant createdAt,
        @MappedProperty("updated_at") @Nullable @DateUpdated Instant updatedAt,
        @MappedProperty("published_at") @Nullable Instant publishedAt)
        implements Identified {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    /** The same revision as read at a version (a client's), for an update that checks it. */
    PolicyProfile atVersion(int read) {
        return new PolicyProfile(id, revision, status, effectiveFrom, basedOn, document, read, createdBy, createdAt,
                updatedAt, publishedAt);
    }

    /** The draft with another document. */
    PolicyProfile withDocument(Map<String, Object> edited) {
        return new PolicyProfile(id, revision, status, effectiveFrom, basedOn, edited, version, createdBy, createdAt,
                updatedAt, publishedAt);
    }

    /** A published revision not yet in force, back to a draft that can be corrected and published again. */
    PolicyProfile withdrawn() {
        return new PolicyProfile(id, revision, DRAFT, effectiveFrom, basedOn, document, version, createdBy, createdAt,
                updatedAt, null);
    }

    /** The draft published, in force from a date. */
    PolicyProfile publishedFrom(LocalDate from, Instant at) {
        return new PolicyProfile(id, revision, PUBLISHED, from, basedOn, document, version, createdBy, createdAt,
                updatedAt, at);
    }
}
