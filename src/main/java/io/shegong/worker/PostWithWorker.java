package io.shegong.worker;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A post and its worker, read in one statement: a page of stations with their staff asks for
 * both, and reading the workers apart cost a second statement. The worker's columns carry a
 * {@code w_} prefix; {@link #post()} and {@link #worker()} give the two records.
 *
 * <p>Its fields have the types the driver answers with (boxed numbers and booleans, SQL dates
 * and timestamps): Micronaut Data passes a value of the field's own type through, and sends any
 * other through its conversion service, which for the page's 250 rows cost more than reading
 * them. The two records convert them once.
 */
@Introspected
@NamingStrategy(ColumnNames.class)
public record PostWithWorker(
        @MappedProperty("id") UUID id,
        @MappedProperty("worker_id") UUID workerId,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("role") String role,
        @MappedProperty("starts_on") Date startsOn,
        @MappedProperty("ends_on") @Nullable Date endsOn,
        @MappedProperty("full_time") Boolean fullTime,
        @MappedProperty("version") Integer version,
        @MappedProperty("created_at") @Nullable Timestamp createdAt,
        @MappedProperty("updated_at") @Nullable Timestamp updatedAt,
        @MappedProperty("w_name") String workerName,
        @MappedProperty("w_birth_date") @Nullable Date birthDate,
        @MappedProperty("w_phone") @Nullable String phone,
        @MappedProperty("w_id_number") @Nullable String idNumber,
        @MappedProperty("w_education_level") String educationLevel,
        @MappedProperty("w_education_major") @Nullable String educationMajor,
        @MappedProperty("w_certificate_level") String certificateLevel,
        @MappedProperty("w_certificate_date") @Nullable Date certificateDate,
        @MappedProperty("w_social_work_years") Double socialWorkYears,
        @MappedProperty("w_community_work_years") Double communityWorkYears,
        @MappedProperty("w_last_record_check_on") @Nullable Date lastRecordCheckOn,
        @MappedProperty("w_full_time") Boolean workerFullTime,
        @MappedProperty("w_version") Integer workerVersion,
        @MappedProperty("w_created_at") @Nullable Timestamp workerCreatedAt,
        @MappedProperty("w_updated_at") @Nullable Timestamp workerUpdatedAt) {

    /** The columns in the order of the fields, for the query that reads them. */
    static final String COLUMNS = """
            a.id, a.worker_id, a.station_id, a.role, a.starts_on, a.ends_on, a.full_time, a.version, a.created_at,
            a.updated_at, w.name AS w_name, w.birth_date AS w_birth_date, w.phone AS w_phone,
            w.id_number AS w_id_number, w.education_level AS w_education_level,
            w.education_major AS w_education_major, w.certificate_level AS w_certificate_level,
            w.certificate_date AS w_certificate_date, w.social_work_years AS w_social_work_years,
            w.community_work_years AS w_community_work_years, w.last_record_check_on AS w_last_record_check_on,
            w.full_time AS w_full_time, w.version AS w_version, w.created_at AS w_created_at,
            w.updated_at AS w_updated_at""";

    public Assignment post() {
        return new Assignment(id, workerId, stationId, role, day(startsOn), day(endsOn), fullTime, version,
                instant(createdAt), instant(updatedAt));
    }

    public SocialWorker worker() {
        return new SocialWorker(workerId, workerName, day(birthDate), phone, idNumber, educationLevel, educationMajor,
                certificateLevel, day(certificateDate), socialWorkYears, communityWorkYears, day(lastRecordCheckOn),
                workerFullTime, workerVersion, instant(workerCreatedAt), instant(workerUpdatedAt));
    }

    // The driver reads a date as midnight in the JVM's zone, and toLocalDate reads it back in the same zone.
    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
