package io.shegong.worker;

import io.shegong.core.db.Like;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Social workers, their training records and their posts. */
@Singleton
public class WorkerRepository {
    private static final String COLUMNS = """
            id, name, birth_date, phone, id_number, education_level, education_major, certificate_level,
            certificate_date, social_work_years, community_work_years, last_record_check_on, full_time, version,
            created_at, updated_at""";
    private static final String ASSIGNMENT_COLUMNS =
            "id, worker_id, station_id, role, starts_on, ends_on, full_time, version";

    public record Filter(UUID stationId, String certificateLevel, Boolean fullTime, String text) {
    }

    private static final String WHERE = """
             WHERE (CAST(? AS uuid) IS NULL OR id IN (
                       SELECT worker_id FROM assignment
                        WHERE station_id = ? AND starts_on <= current_date
                          AND (ends_on IS NULL OR ends_on >= current_date)))
               AND (CAST(? AS text) IS NULL OR certificate_level = ?)
               AND (CAST(? AS boolean) IS NULL OR full_time = ?)
               AND (CAST(? AS text) IS NULL OR name ILIKE ?)""";

    public List<SocialWorker> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM social_worker WHERE id = ANY(?::uuid[])", WorkerRepository::map, ids);
    }

    public Optional<SocialWorker> byId(Session s, UUID id) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM social_worker WHERE id = ?", WorkerRepository::map, id);
    }

    public List<SocialWorker> page(Session s, Filter f, String afterName, UUID afterId, int limit) {
        String like = Like.contains(f.text());
        return Sql.list(s, "SELECT " + COLUMNS + " FROM social_worker " + WHERE
                        + " AND (CAST(? AS uuid) IS NULL OR (name, id) > (?, ?)) ORDER BY name, id LIMIT ?",
                WorkerRepository::map, f.stationId(), f.stationId(), f.certificateLevel(), f.certificateLevel(),
                f.fullTime(), f.fullTime(), like, like, afterId, afterName, afterId, limit + 1);
    }

    public int count(Session s, Filter f) {
        String like = Like.contains(f.text());
        return Sql.one(s, "SELECT count(*) FROM social_worker " + WHERE, rs -> rs.getInt(1),
                f.stationId(), f.stationId(), f.certificateLevel(), f.certificateLevel(),
                f.fullTime(), f.fullTime(), like, like).orElse(0);
    }

    public void insert(Session s, SocialWorker w) {
        Sql.update(s, """
                INSERT INTO social_worker (tenant_id, id, name, birth_date, phone, id_number, education_level,
                       education_major, certificate_level, certificate_date, social_work_years, community_work_years,
                       last_record_check_on, full_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.tenantId(), w.id(), w.name(), w.birthDate(), w.phone(), w.idNumber(), w.educationLevel(),
                w.educationMajor(), w.certificateLevel(), w.certificateDate(), w.socialWorkYears(),
                w.communityWorkYears(), w.lastRecordCheckOn(), w.fullTime());
    }

    public boolean update(Session s, SocialWorker w, int expectedVersion) {
        return Sql.update(s, """
                UPDATE social_worker SET name = ?, birth_date = ?, phone = ?, id_number = ?, education_level = ?,
                       education_major = ?, certificate_level = ?, certificate_date = ?, social_work_years = ?,
                       community_work_years = ?, last_record_check_on = ?, full_time = ?,
                       version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ?""",
                w.name(), w.birthDate(), w.phone(), w.idNumber(), w.educationLevel(), w.educationMajor(),
                w.certificateLevel(), w.certificateDate(), w.socialWorkYears(), w.communityWorkYears(),
                w.lastRecordCheckOn(), w.fullTime(), w.id(), expectedVersion) == 1;
    }

    public List<TrainingRecord> training(Session s, Collection<UUID> workerIds) {
        return Sql.list(s, """
                SELECT id, worker_id, topic, provider, hours, completed_on FROM training_record
                 WHERE worker_id = ANY(?::uuid[]) ORDER BY completed_on DESC, id""",
                rs -> new TrainingRecord(Sql.uuid(rs, "id"), Sql.uuid(rs, "worker_id"), rs.getString("topic"),
                        rs.getString("provider"), rs.getDouble("hours"), Sql.date(rs, "completed_on")), workerIds);
    }

    public List<TrainingRecord> trainingByIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, """
                SELECT id, worker_id, topic, provider, hours, completed_on FROM training_record
                 WHERE id = ANY(?::uuid[])""",
                rs -> new TrainingRecord(Sql.uuid(rs, "id"), Sql.uuid(rs, "worker_id"), rs.getString("topic"),
                        rs.getString("provider"), rs.getDouble("hours"), Sql.date(rs, "completed_on")), ids);
    }

    public void insertTraining(Session s, TrainingRecord t) {
        Sql.update(s, """
                INSERT INTO training_record (tenant_id, id, worker_id, topic, provider, hours, completed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                s.tenantId(), t.id(), t.workerId(), t.topic(), t.provider(), t.hours(), t.completedOn());
    }

    public List<Assignment> assignmentsByIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment WHERE id = ANY(?::uuid[])",
                WorkerRepository::mapAssignment, ids);
    }

    public List<Assignment> assignmentsOfWorkers(Session s, Collection<UUID> workerIds) {
        return Sql.list(s, "SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment WHERE worker_id = ANY(?::uuid[])"
                + " ORDER BY starts_on DESC, id", WorkerRepository::mapAssignment, workerIds);
    }

    public List<Assignment> assignmentsAtStations(Session s, Collection<UUID> stationIds) {
        return Sql.list(s, "SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment WHERE station_id = ANY(?::uuid[])"
                + " ORDER BY starts_on DESC, id", WorkerRepository::mapAssignment, stationIds);
    }

    public void insertAssignment(Session s, Assignment a) {
        Sql.update(s, """
                INSERT INTO assignment (tenant_id, id, worker_id, station_id, role, starts_on, ends_on, full_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                s.tenantId(), a.id(), a.workerId(), a.stationId(), a.role(), a.startsOn(), a.endsOn(), a.fullTime());
    }

    public boolean endAssignment(Session s, UUID id, LocalDate endsOn, int expectedVersion) {
        return Sql.update(s, """
                UPDATE assignment SET ends_on = ?, version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ?""", endsOn, id, expectedVersion) == 1;
    }

    /** Ends every post at a station that is still open on the given date. */
    public void endAllAt(Session s, UUID stationId, LocalDate on) {
        Sql.update(s, """
                UPDATE assignment SET ends_on = greatest(starts_on, ?), version = version + 1, updated_at = now()
                 WHERE station_id = ? AND (ends_on IS NULL OR ends_on > ?)""", on, stationId, on);
    }

    private static SocialWorker map(ResultSet rs) throws SQLException {
        return new SocialWorker(Sql.uuid(rs, "id"), rs.getString("name"), Sql.date(rs, "birth_date"),
                rs.getString("phone"), rs.getString("id_number"), rs.getString("education_level"),
                rs.getString("education_major"), rs.getString("certificate_level"), Sql.date(rs, "certificate_date"),
                rs.getDouble("social_work_years"), rs.getDouble("community_work_years"),
                Sql.date(rs, "last_record_check_on"), rs.getBoolean("full_time"), rs.getInt("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Assignment mapAssignment(ResultSet rs) throws SQLException {
        return new Assignment(Sql.uuid(rs, "id"), Sql.uuid(rs, "worker_id"), Sql.uuid(rs, "station_id"),
                rs.getString("role"), Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on"), rs.getBoolean("full_time"),
                rs.getInt("version"));
    }
}
