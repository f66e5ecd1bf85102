package io.shegong.worker;

import graphql.schema.DataFetchingEnvironment;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Ids;
import io.shegong.core.db.Like;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Role;
import io.shegong.station.StationAccess;
import io.shegong.worker.SocialWorker.CertificateLevel;
import io.shegong.worker.SocialWorker.EducationLevel;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Registering and updating social workers and their training. */
@Singleton
public class WorkerService {
    private static final double MAX_YEARS = 60;
    private final WorkerRepository workers;
    private final TrainingRecordRepository training;
    private final AssignmentRepository assignments;
    private final StationAccess access;

    public WorkerService(WorkerRepository workers, TrainingRecordRepository training, AssignmentRepository assignments,
                         StationAccess access) {
        this.workers = workers;
        this.training = training;
        this.assignments = assignments;
        this.access = access;
    }

    public Connection<SocialWorker> list(DataFetchingEnvironment env) {
        RequestContext ctx = RequestContext.of(env);
        ctx.caller().requireTenantMember();
        Input f = new Input(env.getArgument("filter"), "filter");
        WorkerRepository.Filter filter = new WorkerRepository.Filter(f.id("stationId", "Station"),
                f.text("certificateLevel", 20), f.bool("fullTime"), f.text("text", 100));
        Connection.Window w = Connection.window(env);
        String text = Like.contains(filter.text());
        LocalDate today = ctx.today();
        return Connection.of(workers.page(filter.stationId(), filter.certificateLevel(), filter.fullTime(), text, today,
                        w.afterKey(), w.afterId(), w.limit() + 1), w,
                SocialWorker::name, SocialWorker::id, () -> workers.count(filter.stationId(), filter.certificateLevel(),
                        filter.fullTime(), text, today));
    }

    public SocialWorker register(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        if (!ctx.caller().has(Role.TENANT_ADMIN) && !ctx.caller().has(Role.STATION_OPERATOR)) {
            throw ApiException.forbidden("Only a TENANT_ADMIN or STATION_OPERATOR may register workers");
        }
        SocialWorker w = read(in, null);
        return ctx.session().atomically(() -> workers.save(w));
    }

    /**
     * Writes the worker at the version the client read. The row was read just before, in the
     * same transaction, so a failed version check means someone else changed it, not that the
     * row is hidden.
     */
    public SocialWorker update(RequestContext ctx, Input in) {
        SocialWorker current = editable(ctx, in, in.requiredId("id", "SocialWorker"), "id");
        int version = in.requiredInteger("version");
        SocialWorker changed = read(in, current);
        return ctx.session().atomically(() -> {
            try {
                return workers.update(changed.atVersion(version));
            } catch (OptimisticLockException stale) {
                throw ApiException.conflict(in.path("version"),
                        "The worker was changed by someone else; reload the record and apply your change again");
            }
        });
    }

    public TrainingRecord addTraining(RequestContext ctx, Input in) {
        SocialWorker worker = editable(ctx, in, in.requiredId("workerId", "SocialWorker"), "workerId");
        LocalDate on = in.pastDate("completedOn");
        TrainingRecord t = new TrainingRecord(UUID.randomUUID(), worker.id(),
                in.requiredText("topic", Input.MAX_TEXT), in.requiredText("provider", Input.MAX_TEXT),
                required(in, "hours", in.number("hours", 0.1, 2000)), required(in, "completedOn", on));
        return ctx.session().atomically(() -> training.save(t));
    }

    /** The worker, if the caller may change it: admins always, operators of a station the worker serves today. */
    SocialWorker editable(RequestContext ctx, Input in, UUID id, String field) {
        ctx.caller().requireTenantMember();
        SocialWorker w = workers.findById(id)
                .orElseThrow(() -> ApiException.notFound(in.path(field), "Social worker"));
        if (!ctx.caller().has(Role.TENANT_ADMIN)) {
            LocalDate today = ctx.today();
            access.requireEditAny(ctx, assignments.ofWorkers(Ids.array(List.of(id))).stream()
                    .filter(a -> a.currentOn(today)).map(Assignment::stationId).toList());
        }
        return w;
    }

    /** Reads the worker fields of a register or update input; `current` fills fields left out. */
    private static SocialWorker read(Input in, SocialWorker current) {
        boolean create = current == null;
        String name = create || in.has("name") ? in.requiredText("name", 100) : current.name();
        EducationLevel education = create || in.has("educationLevel")
                ? required(in, "educationLevel", in.enumValue("educationLevel", EducationLevel.class))
                : EducationLevel.valueOf(current.educationLevel());
        CertificateLevel certificate = in.has("certificateLevel") && in.enumValue("certificateLevel", CertificateLevel.class) != null
                ? in.enumValue("certificateLevel", CertificateLevel.class)
                : create ? CertificateLevel.NONE : CertificateLevel.valueOf(current.certificateLevel());
        LocalDate certificateDate = create || in.has("certificateDate") ? in.pastDate("certificateDate") : current.certificateDate();
        if (certificate != CertificateLevel.NONE && certificateDate == null) {
            throw ApiException.badInput(in.path("certificateDate"), "certificateDate is required with a certificate");
        }
        if (certificate == CertificateLevel.NONE && certificateDate != null) {
            throw ApiException.badInput(in.path("certificateDate"), "certificateDate given without a certificate level");
        }
        LocalDate birth = create || in.has("birthDate") ? in.pastDate("birthDate") : current.birthDate();
        if (birth != null && birth.isAfter(LocalDate.now().minusYears(16))) {
            throw ApiException.badInput(in.path("birthDate"), "birthDate makes the worker younger than 16");
        }
        if (birth != null && certificateDate != null && certificateDate.isBefore(birth)) {
            throw ApiException.badInput(in.path("certificateDate"), "certificateDate is before birthDate");
        }
        return new SocialWorker(create ? UUID.randomUUID() : current.id(), name, birth,
                create || in.has("phone") ? phone(in) : current.phone(),
                create || in.has("idNumber") ? idNumber(in) : current.idNumber(),
                education.name(),
                create || in.has("educationMajor") ? in.text("educationMajor", 100) : current.educationMajor(),
                certificate.name(), certificateDate,
                years(in, "socialWorkYears", create ? 0 : current.socialWorkYears()),
                years(in, "communityWorkYears", create ? 0 : current.communityWorkYears()),
                create || in.has("lastRecordCheckOn") ? in.pastDate("lastRecordCheckOn") : current.lastRecordCheckOn(),
                in.bool("fullTime") != null ? in.bool("fullTime") : create || current.fullTime(),
                create ? 1 : current.version(), create ? null : current.createdAt(), create ? null : current.updatedAt());
    }

    private static String phone(Input in) {
        String p = in.text("phone", 20);
        if (p != null && !p.matches("[0-9+\\- ]{5,20}")) {
            throw ApiException.badInput(in.path("phone"), "phone may hold digits, spaces, '+' and '-' only");
        }
        return p;
    }

    private static String idNumber(Input in) {
        String id = in.text("idNumber", 18);
        if (id != null && !id.matches("[0-9]{17}[0-9Xx]")) {
            throw ApiException.badInput(in.path("idNumber"), "idNumber must be an 18-character resident id number");
        }
        return id == null ? null : id.toUpperCase();
    }

    /**
     * Years to the one decimal the columns keep (numeric(4,1)), rounded half up as PostgreSQL
     * rounds: the worker a mutation answers with then shows what a later read shows.
     */
    private static double years(Input in, String field, double fallback) {
        Double v = in.number(field, 0, MAX_YEARS);
        return v == null ? fallback : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static <T> T required(Input in, String field, T value) {
        if (value == null) {
            throw ApiException.badInput(in.path(field), field + " is required");
        }
        return value;
    }
}
