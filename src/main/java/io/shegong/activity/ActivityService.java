package io.shegong.activity;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a station delivers over its year: featured cases it submits and the bureau reviews, and
 * activity records. A station's operator (for its granted stations) and the bureau's
 * administrator write them; every tenant role reads them.
 */
@Singleton
public class ActivityService {
    /** A period asked of a station's activities is at most a year and a day (a leap year, inclusive). */
    static final int MAX_PERIOD_DAYS = 366;

    private final FeaturedCaseRepository cases;
    private final ActivityRecordRepository activities;
    private final StationProjectRepository projects;
    private final StationRepository stations;
    private final WorkerRepository workers;
    private final StationAccess access;
    private final PolicyVocabularies vocabularies;
    private final BureauCalendar calendar;

    public ActivityService(FeaturedCaseRepository cases, ActivityRecordRepository activities, StationProjectRepository projects,
                           StationRepository stations, WorkerRepository workers, StationAccess access,
                           PolicyVocabularies vocabularies, BureauCalendar calendar) {
        this.cases = cases;
        this.projects = projects;
        this.activities = activities;
        this.stations = stations;
        this.workers = workers;
        this.access = access;
        this.vocabularies = vocabularies;
        this.calendar = calendar;
    }

    /** A case as the station writes it up. */
    @Introspected
    public record SubmitFeaturedCase(
            @NotNull @NodeId("Station") UUID stationId,
            @Nullable @NodeId("SocialWorker") UUID workerId,
            @Min(2000) @Max(2100) int year,
            @NotBlank @Size(max = 64) String kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String summary,
            @NotBlank @Size(max = 20000) String body) {
    }

    /** The bureau's decision on a submitted case. */
    @Introspected
    public record ReviewFeaturedCase(
            @NotNull @NodeId("FeaturedCase") UUID id,
            int version,
            @NotNull FeaturedCase.Status decision,
            @Nullable @Size(max = 4000) String comment) {
    }

    /** People served in one category of the bureau's vocabulary. */
    @Introspected
    public record Served(@NotBlank @Size(max = 64) String category, @Min(0) @Max(100_000) int count) {
    }

    /** One piece of delivered work. */
    @Introspected
    public record RecordActivity(
            @NotNull @NodeId("Station") UUID stationId,
            @Nullable @NodeId("StationProject") UUID projectId,
            @NotBlank @Size(max = 64) String kind,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate heldOn,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") double hours,
            @Nullable @Size(max = 50) @NodeId("SocialWorker") List<UUID> workerIds,
            @Nullable @Size(max = 50) List<@Valid Served> beneficiaries,
            @Min(0) @Max(100_000) int volunteers,
            @DecimalMin("0") @DecimalMax("100000") double volunteerHours) {
    }

    public FeaturedCase submit(Caller caller, SubmitFeaturedCase c) {
        caller.requireTenantMember();
        station(c.stationId());
        access.requireEdit(caller, c.stationId());
        LocalDate today = calendar.today();
        if (c.year() > today.getYear()) {
            throw ApiException.badInput("input.year", "year must not be after this year, " + today.getYear());
        }
        vocabularies.today().require("caseKinds", "input.kind", c.kind());
        if (c.workerId() != null && workers.findById(c.workerId()).isEmpty()) {
            throw ApiException.badInput("input.workerId", "workerId is not a worker of this bureau");
        }
        return cases.save(new FeaturedCase(UUID.randomUUID(), c.stationId(), c.workerId(), c.year(), c.kind(), c.title(),
                c.summary(), c.body(), FeaturedCase.Status.SUBMITTED.name(), today, caller.subject(), null, null, null, 1));
    }

    /** Accepts or returns a submitted case; a returned one says why. */
    public FeaturedCase review(Caller caller, ReviewFeaturedCase c) {
        caller.requireTenantAdmin();
        FeaturedCase current = cases.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Featured case"));
        if (c.decision() == FeaturedCase.Status.SUBMITTED) {
            throw ApiException.badInput("input.decision", "decision is ACCEPTED or RETURNED");
        }
        if (!FeaturedCase.Status.SUBMITTED.name().equals(current.status())) {
            throw ApiException.badInput("input.id", "the case was already " + current.status().toLowerCase()
                    + "; only a submitted case is reviewed");
        }
        if (c.decision() == FeaturedCase.Status.RETURNED && (c.comment() == null || c.comment().isBlank())) {
            throw ApiException.badInput("input.comment", "a returned case needs a comment saying what to change");
        }
        try {
            return cases.update(current.reviewed(c.decision(), calendar.today(), caller.subject(), c.comment(), c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The case was changed since version " + c.version());
        }
    }

    public ActivityRecord record(Caller caller, RecordActivity c) {
        caller.requireTenantMember();
        station(c.stationId());
        access.requireEdit(caller, c.stationId());
        if (c.heldOn().isAfter(calendar.today())) {
            throw ApiException.badInput("input.heldOn", "heldOn must not be in the future");
        }
        if (c.projectId() != null) {
            StationProject project = projects.findById(c.projectId()).filter(p -> p.stationId().equals(c.stationId()))
                    .orElseThrow(() -> ApiException.badInput("input.projectId", "projectId is not a project of this station"));
            if (c.heldOn().isBefore(project.startsOn())) {
                throw ApiException.badInput("input.heldOn", "heldOn is before the project starts, " + project.startsOn());
            }
        }
        Vocabularies v = vocabularies.today();
        v.require("activityKinds", "input.kind", c.kind());
        Map<String, Integer> served = new LinkedHashMap<>();
        List<Served> given = c.beneficiaries() == null ? List.of() : c.beneficiaries();
        for (int i = 0; i < given.size(); i++) {
            String path = "input.beneficiaries[" + i + "]";
            v.require("beneficiaryCategories", path + ".category", given.get(i).category());
            if (served.put(given.get(i).category(), given.get(i).count()) != null) {
                throw ApiException.badInput(path + ".category", "category '" + given.get(i).category() + "' is given twice");
            }
        }
        List<UUID> ids = c.workerIds() == null ? List.of() : c.workerIds();
        Set<UUID> known = new HashSet<>();
        workers.byIds(Ids.array(ids)).forEach(w -> known.add(w.id()));
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                throw ApiException.badInput("input.workerIds[" + i + "]", "not a worker of this bureau");
            }
        }
        return activities.save(new ActivityRecord(UUID.randomUUID(), c.stationId(), c.projectId(), c.kind(), c.title(), c.heldOn(), c.hours(),
                ids.stream().map(UUID::toString).toList(), served, c.volunteers(), c.volunteerHours(), caller.subject(), null));
    }

    /** A station's records over a period with their totals. */
    public record Period(LocalDate from, LocalDate to, List<ActivityRecord> records) {
        public double hours() {
            return records.stream().mapToDouble(ActivityRecord::hours).sum();
        }

        public int volunteers() {
            return records.stream().mapToInt(ActivityRecord::volunteers).sum();
        }

        public double volunteerHours() {
            return records.stream().mapToDouble(ActivityRecord::volunteerHours).sum();
        }

        /** People served by category, in the order categories first appear. */
        public Map<String, Integer> beneficiaries() {
            Map<String, Integer> out = new LinkedHashMap<>();
            records.forEach(r -> r.beneficiaries().forEach((k, n) -> out.merge(k, n, Integer::sum)));
            return out;
        }

        /** Records by kind, in the order kinds first appear. */
        public Map<String, Integer> byKind() {
            Map<String, Integer> out = new LinkedHashMap<>();
            records.forEach(r -> out.merge(r.kind(), 1, Integer::sum));
            return out;
        }
    }

    /** Checks a period asked of the activities: ordered, and at most a year long. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw ApiException.badInput("to", "a period is at most " + MAX_PERIOD_DAYS + " days; ask for a year at a time");
        }
    }

    /** Each station's records within the period, in one statement. */
    public Map<UUID, Period> periods(Caller caller, Set<UUID> stationIds, LocalDate from, LocalDate to) {
        caller.requireTenantMember();
        Map<UUID, List<ActivityRecord>> byStation = new LinkedHashMap<>();
        stationIds.forEach(id -> byStation.put(id, new ArrayList<>()));
        for (ActivityRecord r : activities.atStations(Ids.array(stationIds), from, to)) {
            byStation.get(r.stationId()).add(r);
        }
        Map<UUID, Period> out = new LinkedHashMap<>();
        byStation.forEach((id, list) -> out.put(id, new Period(from, to, list)));
        return out;
    }

    /** The tenant's activity by division and month over a period of at most a year. */
    public List<MonthTotals> summary(Caller caller, LocalDate from, LocalDate to, UUID divisionId) {
        caller.requireTenantMember();
        checkPeriod(from, to);
        WholeMonths whole = WholeMonths.of(from, to, calendar.today());
        return activities.byDivisionAndMonth(from, to, whole.start(), whole.end(), divisionId);
    }

    private void station(UUID id) {
        if (stations.findById(id).isEmpty()) {
            throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
        }
    }
}
