package io.shegong.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
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
public record PolicyProfile(@Id UUID id, int revision, String status, @Nullable LocalDate effectiveFrom,
                            @Nullable Integer basedOn, @TypeDef(type = DataType.JSON) Map<String, Object> document,
                            @Version int version, String createdBy, @Nullable @DateCreated Instant createdAt,
                            @Nullable @DateUpdated Instant updatedAt, @Nullable Instant publishedAt)
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

    /** The draft published, in force from a date. */
    PolicyProfile publishedFrom(LocalDate from, Instant at) {
        return new PolicyProfile(id, revision, PUBLISHED, from, basedOn, document, version, createdBy, createdAt,
                updatedAt, at);
    }
}
