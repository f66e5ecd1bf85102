package io.shegong.worker;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Ids;
import io.shegong.core.db.Like;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.station.StationAccess;
import io.shegong.worker.SocialWorker.CertificateLevel;
import io.shegong.worker.WorkerCommands.AddTrainingRecord;
import io.shegong.worker.WorkerCommands.RegisterWorker;
import io.shegong.worker.WorkerCommands.UpdateWorker;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Registering and updating social workers and their training. */
@Singleton
public class WorkerService {
    private static final int MIN_AGE = 16;
    private final WorkerRepository workers;
    private final TrainingRecordRepository training;
    private final AssignmentRepository assignments;
    private final StationAccess access;
    private final BureauCalendar calendar;

    public WorkerService(WorkerRepository workers, TrainingRecordRepository training, AssignmentRepository assignments,
                         StationAccess access, BureauCalendar calendar) {
        this.workers = workers;
        this.training = training;
        this.assignments = assignments;
        this.access = access;
        this.calendar = calendar;
    }

    public Connection<SocialWorker> list(Caller caller, WorkerRepository.Filter filter, Connection.Window w) {
        caller.requireTenantMember();
        String text = Like.contains(filter.text());
        LocalDate today = calendar.today();
        return Connection.of(workers.page(filter.stationId(), filter.certificateLevel(), filter.fullTime(), text, today,
                        w.afterKey(), w.afterId(), w.limit() + 1), w,
                SocialWorker::name, SocialWorker::id, () -> workers.count(filter.stationId(), filter.certificateLevel(),
                        filter.fullTime(), text, today));
    }

    /** Every worker the filter leaves, by name, for a list read whole (an export). */
    public List<SocialWorker> all(Caller caller, WorkerRepository.Filter filter) {
        caller.requireTenantMember();
        return workers.matching(filter.stationId(), filter.certificateLevel(), filter.fullTime(),
                Like.contains(filter.text()), calendar.today());
    }

    public SocialWorker register(Caller caller, RegisterWorker c) {
        caller.requireTenantMember();
        if (!caller.has(Role.TENANT_ADMIN) && !caller.has(Role.STATION_OPERATOR)) {
            throw ApiException.forbidden("Only a TENANT_ADMIN or STATION_OPERATOR may register workers");
        }
        SocialWorker w = new SocialWorker(UUID.randomUUID(), c.name(), c.birthDate(), c.phone(), upper(c.idNumber()),
                c.educationLevel().name(), c.educationMajor(),
                (c.certificateLevel() == null ? CertificateLevel.NONE : c.certificateLevel()).name(),
                c.certificateDate(), years(c.socialWorkYears(), 0), years(c.communityWorkYears(), 0),
                c.lastRecordCheckOn(), c.fullTime() == null || c.fullTime(), 1, null, null);
        return workers.save(checked(w, field -> true));
    }

    /**
     * Writes the worker at the version the client read. The row was read just before, in the
     * same transaction, so a failed version check means someone else changed it, not that the
     * row is hidden.
     */
    public SocialWorker update(Caller caller, UpdateWorker c) {
        SocialWorker current = editable(caller, c.id(), "input.id");
        Set<String> sent = c.sent();
        if (sent.contains("name") && c.name() == null) {
            throw ApiException.badInput("input.name", "name is required");
        }
        if (sent.contains("educationLevel") && c.educationLevel() == null) {
            throw ApiException.badInput("input.educationLevel", "educationLevel is required");
        }
        SocialWorker changed = checked(new SocialWorker(current.id(),
                c.name() != null ? c.name() : current.name(),
                sent.contains("birthDate") ? c.birthDate() : current.birthDate(),
                sent.contains("phone") ? c.phone() : current.phone(),
                sent.contains("idNumber") ? upper(c.idNumber()) : current.idNumber(),
                c.educationLevel() != null ? c.educationLevel().name() : current.educationLevel(),
                sent.contains("educationMajor") ? c.educationMajor() : current.educationMajor(),
                c.certificateLevel() != null ? c.certificateLevel().name() : current.certificateLevel(),
                sent.contains("certificateDate") ? c.certificateDate() : current.certificateDate(),
                years(c.socialWorkYears(), current.socialWorkYears()),
                years(c.communityWorkYears(), current.communityWorkYears()),
                sent.contains("lastRecordCheckOn") ? c.lastRecordCheckOn() : current.lastRecordCheckOn(),
                c.fullTime() != null ? c.fullTime() : current.fullTime(),
                current.version(), current.createdAt(), current.updatedAt()), sent::contains);
        try {
            return workers.update(changed.atVersion(c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version",
                    "The worker was changed by someone else; reload the record and apply your change again");
        }
    }

    public TrainingRecord addTraining(Caller caller, AddTrainingRecord c) {
        SocialWorker worker = editable(caller, c.workerId(), "input.workerId");
        notFuture(c.completedOn(), "completedOn");
        return training.save(new TrainingRecord(UUID.randomUUID(), worker.id(), c.topic(), c.provider(), c.hours(),
                c.completedOn()));
    }

    /** The worker, if the caller may change it: admins always, operators of a station the worker serves today. */
    private SocialWorker editable(Caller caller, UUID id, String path) {
        caller.requireTenantMember();
        SocialWorker w = workers.findById(id).orElseThrow(() -> ApiException.notFound(path, "Social worker"));
        if (!caller.has(Role.TENANT_ADMIN)) {
            LocalDate today = calendar.today();
            access.requireEditAny(caller, assignments.ofWorkers(Ids.array(List.of(id))).stream()
                    .filter(a -> a.currentOn(today)).map(Assignment::stationId).toList());
        }
        return w;
    }

    /**
     * The rules a worker keeps across its fields and against today. A date is held against today
     * only when the client gave it: a date stored earlier was checked then.
     */
    private SocialWorker checked(SocialWorker w, Predicate<String> given) {
        LocalDate certificateDate = w.certificateDate();
        if (given.test("certificateDate")) {
            notFuture(certificateDate, "certificateDate");
        }
        boolean certified = !CertificateLevel.NONE.name().equals(w.certificateLevel());
        if (certified && certificateDate == null) {
            throw ApiException.badInput("input.certificateDate", "certificateDate is required with a certificate");
        }
        if (!certified && certificateDate != null) {
            throw ApiException.badInput("input.certificateDate", "certificateDate given without a certificate level");
        }
        LocalDate birth = w.birthDate();
        if (given.test("birthDate")) {
            notFuture(birth, "birthDate");
        }
        if (birth != null && birth.isAfter(calendar.today().minusYears(MIN_AGE))) {
            throw ApiException.badInput("input.birthDate", "birthDate makes the worker younger than " + MIN_AGE);
        }
        if (birth != null && certificateDate != null && certificateDate.isBefore(birth)) {
            throw ApiException.badInput("input.certificateDate", "certificateDate is before birthDate");
        }
        if (given.test("lastRecordCheckOn")) {
            notFuture(w.lastRecordCheckOn(), "lastRecordCheckOn");
        }
        return w;
    }

    private void notFuture(LocalDate d, String field) {
        if (d != null && d.isAfter(calendar.today())) {
            throw ApiException.badInput("input." + field, field + " must not be in the future");
        }
    }

    /** Resident id numbers are kept with an upper-case check character X. */
    private static String upper(String idNumber) {
        return idNumber == null ? null : idNumber.toUpperCase();
    }

    /**
     * Years to the one decimal the columns keep (numeric(4,1)), rounded half up as PostgreSQL
     * rounds: the worker a mutation answers with then shows what a later read shows.
     */
    private static double years(Double given, double fallback) {
        return given == null ? fallback : BigDecimal.valueOf(given).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
