package io.shegong.worker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A social worker's record. Birth date, phone and id number are personal: TENANT_ADMIN only. Its
 * tenant is the bound one (the column's default), never a field of the record.
 *
 * <p>The timestamps are stamped in microseconds, as PostgreSQL keeps them: the record a mutation
 * answers with then shows the same times as any later read, not the clock's nanoseconds.
 */
@MappedEntity("social_worker")
@NamingStrategy(ColumnNames.class)
public record SocialWorker(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("name") String name,
        @MappedProperty("birth_date") @Nullable LocalDate birthDate,
        @MappedProperty("phone") @Nullable String phone,
        @MappedProperty("id_number") @Nullable String idNumber,
        @MappedProperty("education_level") String educationLevel,
        @MappedProperty("education_major") @Nullable String educationMajor,
        @MappedProperty("certificate_level") String certificateLevel,
        @MappedProperty("certificate_date") @Nullable LocalDate certificateDate,
        @MappedProperty("social_work_years") double socialWorkYears,
        @MappedProperty("community_work_years") double communityWorkYears,
        @MappedProperty("last_record_check_on") @Nullable LocalDate lastRecordCheckOn,
        @MappedProperty("full_time") boolean fullTime,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_at") @Nullable @DateCreated(truncatedTo = ChronoUnit.MICROS) Instant createdAt,
        @MappedProperty("updated_at") @Nullable @DateUpdated(truncatedTo = ChronoUnit.MICROS) Instant updatedAt)
        implements Identified {

    public enum EducationLevel { SECONDARY, COLLEGE, BACHELOR, MASTER, DOCTORATE }

    public enum CertificateLevel { NONE, ASSISTANT, INTERMEDIATE, SENIOR }

    /** The same worker as read at a version (a client's), for an update that checks it. */
    SocialWorker atVersion(int read) {
        return new SocialWorker(id, name, birthDate, phone, idNumber, educationLevel, educationMajor, certificateLevel,
                certificateDate, socialWorkYears, communityWorkYears, lastRecordCheckOn, fullTime, read, createdAt,
                updatedAt);
    }
}
