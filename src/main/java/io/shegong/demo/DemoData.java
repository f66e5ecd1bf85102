package io.shegong.demo;

import io.shegong.activity.StationProject;
import io.shegong.activity.StationProjectRepository;
import io.shegong.catalogue.ServicePlan;
import io.shegong.catalogue.ServicePlanRepository;
import io.shegong.supervision.SupervisionFinding;
import io.shegong.supervision.SupervisionFindingRepository;
import io.shegong.supervision.SupervisionVisit;
import io.shegong.supervision.SupervisionVisitRepository;
import io.shegong.target.Designation;
import io.shegong.target.DesignationRepository;
import io.shegong.target.HostFacility;
import io.shegong.target.HostFacilityRepository;
import io.shegong.calendar.DueItemCompletion;
import io.shegong.calendar.DueItemCompletionRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.shegong.contract.ContractDemo;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sessions;
import io.shegong.core.security.AccountRepository;
import io.shegong.core.security.AppUser;
import io.shegong.core.security.Passwords;
import io.shegong.activity.ActivityRecord;
import io.shegong.activity.ActivityRecordRepository;
import io.shegong.activity.FeaturedCase;
import io.shegong.activity.FeaturedCaseRepository;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.funding.FundingEntry;
import io.shegong.funding.FundingEntryRepository;
import io.shegong.policy.PolicyService;
import io.shegong.policy.PolicyTemplates;
import io.shegong.station.Station;
import io.shegong.station.OperatorStationRepository;
import io.shegong.station.StationRepository;
import io.shegong.station.StationStatusChange;
import io.shegong.station.StationStatusChangeRepository;
import io.shegong.core.time.BureauTime;
import io.shegong.tenant.Tenant;
import io.shegong.tenant.TenantRepository;
import io.shegong.worker.Assignment;
import io.shegong.worker.AssignmentRepository;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.TrainingRecord;
import io.shegong.worker.TrainingRecordRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the five demo bureaus from `demo/*.yml` when `shegong.demo-data` is true (never by
 * default). A bureau that already exists is left as it is, so restarts do not duplicate it.
 */
@Singleton
@Requires(property = "shegong.demo-data", value = "true")
public class DemoData {
    public static final List<String> TENANTS = List.of("qingpu", "yangpu", "shangcheng", "weihai", "wuhan");
    /** Demo users' password; demo data is for trying the product, never for production. */
    public static final String PASSWORD = "shegong-demo";
    public static final List<String> USERS = List.of("admin", "operator", "supervisor", "viewer");
    private static final Map<String, String> USER_ROLES = Map.of(
            "admin", "TENANT_ADMIN", "operator", "STATION_OPERATOR", "supervisor", "SUPERVISOR", "viewer", "VIEWER");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Sessions sessions;
    private final PolicyTemplates templates;
    private final TenantRepository tenants;
    private final PolicyService policies;
    private final DivisionRepository divisions;
    private final AccountRepository accounts;
    private final StationRepository stations;
    private final StationStatusChangeRepository statusChanges;
    private final FeaturedCaseRepository cases;
    private final ActivityRecordRepository activities;
    private final OperatorStationRepository operators;
    private final WorkerRepository workers;
    private final TrainingRecordRepository training;
    private final AssignmentRepository assignments;
    private final DueItemCompletionRepository completions;
    private final DesignationRepository designationRows;
    private final HostFacilityRepository facilities;
    private final ServicePlanRepository plans;
    private final StationProjectRepository stationProjects;
    private final SupervisionVisitRepository visits;
    private final SupervisionFindingRepository findingRows;
    private final ContractDemo contractDemo;
    private final FundingEntryRepository funding;

    public DemoData(Sessions sessions, PolicyTemplates templates, TenantRepository tenants, PolicyService policies,
                    DivisionRepository divisions, AccountRepository accounts, StationRepository stations,
                    StationStatusChangeRepository statusChanges, OperatorStationRepository operators,
                    WorkerRepository workers, TrainingRecordRepository training, AssignmentRepository assignments,
                    FeaturedCaseRepository cases, ActivityRecordRepository activities,
                    DueItemCompletionRepository completions, DesignationRepository designationRows,
                    HostFacilityRepository facilities, ServicePlanRepository plans, StationProjectRepository stationProjects,
                    SupervisionVisitRepository visits, SupervisionFindingRepository findingRows, ContractDemo contractDemo,
                    FundingEntryRepository funding) {
        this.plans = plans;
        this.stationProjects = stationProjects;
        this.visits = visits;
        this.findingRows = findingRows;
        this.contractDemo = contractDemo;
        this.funding = funding;
        this.designationRows = designationRows;
        this.facilities = facilities;
        this.cases = cases;
        this.activities = activities;
        this.completions = completions;
        this.sessions = sessions;
        this.templates = templates;
        this.tenants = tenants;
        this.policies = policies;
        this.divisions = divisions;
        this.accounts = accounts;
        this.stations = stations;
        this.statusChanges = statusChanges;
        this.operators = operators;
        this.workers = workers;
        this.training = training;
        this.assignments = assignments;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String hash = Passwords.hash(PASSWORD);
        platformAdmin(hash);
        for (String code : TENANTS) {
            load(code, hash);
        }
    }

    /**
     * The service role cannot write platform_user; it may only give a platform that has no
     * administrator its first one, so a platform that already has administrators gets no demo one.
     */
    private void platformAdmin(String hash) {
        sessions.onPlatform(s -> accounts.createFirstPlatformUser("platform", hash));
    }

    @SuppressWarnings("unchecked")
    private void load(String code, String hash) {
        Map<String, Object> doc = read(code);
        Map<String, Object> tenant = (Map<String, Object>) doc.get("tenant");
        boolean created = sessions.onPlatform(s -> {
            if (tenants.existsByCode(code)) {
                return false;
            }
            tenants.save(new Tenant(UUID.randomUUID(), code, (String) tenant.get("nameZh"), (String) tenant.get("nameEn"),
                    (String) tenant.get("level"), (String) tenant.get("region"), BureauTime.ZONE.getId(), true, null));
            return true;
        });
        if (!created) {
            return;
        }
        sessions.inTenant(code, s -> {
            publishProfile(code);
            new Loader(s, doc, code, hash).run();
            return null;
        });
        LOG.info("Loaded demo bureau {}", code);
    }

    /** Each demo bureau starts with its own profile published as revision 1; its kinds become the registry's. */
    private void publishProfile(String code) {
        Map<String, Object> document = templates.get(code).orElseThrow();
        policies.publishFirst(document, "policy/" + code + ".yml", PolicyTemplates.effectiveFrom(document), "demo");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String code) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + code + ".yml")) {
            if (in == null) {
                throw new IllegalStateException("demo/" + code + ".yml is missing");
            }
            return (Map<String, Object>) PolicyTemplates.plain(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts one bureau's document through its own tenant session and the registry's repositories. */
    @SuppressWarnings("unchecked")
    private final class Loader {
        private final Session s;
        private final Map<String, Object> doc;
        private final String code;
        private final String hash;
        private final Map<String, UUID> divisionIds = new HashMap<>();
        private final Map<String, UUID> stationIds = new HashMap<>();
        /** Workers by name, the first of a name: how the demo's designations name them. */
        private final Map<String, UUID> workerIds = new HashMap<>();

        Loader(Session s, Map<String, Object> doc, String code, String hash) {
            this.s = s;
            this.doc = doc;
            this.code = code;
            this.hash = hash;
        }

        void run() {
            for (Map<String, Object> d : list("divisions")) {
                Division division = new Division(UUID.randomUUID(), (String) d.get("code"), (String) d.get("level"),
                        (String) d.get("nameZh"), (String) d.get("nameEn"), divisionIds.get(d.get("parent")),
                        (Integer) d.get("communityCount"), (String) d.get("zone"), 1, null, null);
                divisions.save(division);
                divisionIds.put(division.code(), division.id());
            }
            list("stations").forEach(this::station);
            list("workers").forEach(this::worker);
            list("designations").forEach(this::designation);
            list("schools").forEach(this::school);
            list("plans").forEach(this::plan);
            list("supervision").forEach(this::supervisionVisit);
            list("featuredCases").forEach(this::featuredCase);
            list("activitySeries").forEach(this::activitySeries);
            users();
            list("dueItemCompletions").forEach(this::completion);
            contractDemo.load(doc, divisionIds, stationIds, workerIds);
            list("funding").forEach(e -> fundingEntry(e, stationIds.get(e.get("station"))));
            list("fundingPerStation").forEach(this::fundingPerStation);
        }

        /** A line of the funding ledger; amounts are strings in the demo files, so no cent passes through a double. */
        private void fundingEntry(Map<String, Object> e, UUID station) {
            funding.save(new FundingEntry(UUID.randomUUID(), (String) e.getOrDefault("kind", "ALLOCATION"), (String) e.get("source"),
                    new java.math.BigDecimal(e.get("amount").toString()).setScale(2), date(e.get("date")), (Integer) e.get("fiscalYear"),
                    (String) e.get("payerLevel"), divisionIds.get(e.get("payer")), (String) e.get("purpose"), station,
                    (String) e.get("reference"), (String) e.get("note"), null, 1, "demo"));
        }

        /** The same entry for every station of a kind but those in `except`, which the demo gives less on purpose. */
        private void fundingPerStation(Map<String, Object> e) {
            List<String> except = strings(e.get("except"));
            for (Map<String, Object> st : list("stations")) {
                if (st.get("kind").equals(e.get("stationKind")) && !except.contains((String) st.get("code"))) {
                    fundingEntry(e, stationIds.get(st.get("code")));
                }
            }
        }

        /** A due item of the calendar the bureau has already closed. */
        private void completion(Map<String, Object> c) {
            UUID station = stationIds.get(c.get("station"));
            UUID division = divisionIds.get(c.get("division"));
            completions.save(new DueItemCompletion(UUID.randomUUID(), (String) c.get("milestone"), (Integer) c.get("year"),
                    station != null ? "STATION" : division != null ? "DIVISION" : "BUREAU", station, division,
                    date(c.get("doneOn")), (String) c.get("evidence"), "demo", null));
        }

        private void station(Map<String, Object> st) {
            LocalDate since = date(st.get("statusSince"));
            Station station = new Station(UUID.randomUUID(), (String) st.get("code"), (String) st.get("name"),
                    (String) st.get("kind"), (String) st.get("domain"), stationIds.get(st.get("parent")),
                    divisionIds.get(st.get("division")), (String) st.get("hostFacility"), (String) st.get("operatingMode"),
                    (String) st.get("status"), since, (String) st.get("address"), number(st.get("latitude")),
                    number(st.get("longitude")), strings(st.get("rooms")), strings(st.get("rules")), 1, null, null);
            stations.save(station);
            statusChanges.save(new StationStatusChange(UUID.randomUUID(), station.id(), station.status(), since,
                    "demo data", "demo", null));
            stationIds.put(station.code(), station.id());
        }

        private void worker(Map<String, Object> w) {
            SocialWorker worker = new SocialWorker(UUID.randomUUID(), (String) w.get("name"), date(w.get("birthDate")),
                    w.get("phone") == null ? null : w.get("phone").toString(), null, (String) w.get("educationLevel"),
                    (String) w.get("educationMajor"), (String) w.getOrDefault("certificateLevel", "NONE"),
                    date(w.get("certificateDate")), number(w.getOrDefault("socialWorkYears", 0)),
                    number(w.getOrDefault("communityWorkYears", 0)), date(w.get("lastRecordCheckOn")),
                    !Boolean.FALSE.equals(w.get("fullTime")), 1, null, null);
            workers.save(worker);
            workerIds.putIfAbsent(worker.name(), worker.id());
            for (Map<String, Object> t : (List<Map<String, Object>>) w.getOrDefault("training", List.of())) {
                training.save(new TrainingRecord(UUID.randomUUID(), worker.id(), (String) t.get("topic"),
                        (String) t.get("provider"), number(t.get("hours")), date(t.get("completedOn"))));
            }
            for (Map<String, Object> a : (List<Map<String, Object>>) w.getOrDefault("assignments", List.of())) {
                assignments.save(new Assignment(UUID.randomUUID(), worker.id(), stationIds.get(a.get("station")),
                        (String) a.get("role"), date(a.get("startsOn")), date(a.get("endsOn")),
                        // a post is as full-time as its worker unless the demo says otherwise
                        a.containsKey("fullTime") ? Boolean.TRUE.equals(a.get("fullTime")) : worker.fullTime(), 1, null, null));
            }
        }

        private void designation(Map<String, Object> d) {
            UUID worker = workerIds.get(d.get("worker"));
            if (d.containsKey("worker") && worker == null) {
                throw new IllegalStateException("demo designation names no worker of " + code + ": " + d.get("worker"));
            }
            designationRows.save(new Designation(UUID.randomUUID(), (String) d.get("kind"), (String) d.get("level"),
                    stationIds.get(d.get("station")), worker, (String) d.get("title"), date(d.get("awardedOn")),
                    date(d.get("endsOn")), null, 1, "demo"));
        }

        private void school(Map<String, Object> f) {
            facilities.save(new HostFacility(UUID.randomUUID(), "SCHOOL", (String) f.get("name"), divisionIds.get(f.get("division")),
                    stationIds.get(f.get("station")), date(f.get("servedSince")), 1));
        }

        /**
         * A station's plan for a year and the projects it runs from it, each at the stage it has
         * reached (`stages`: the day each stage began, research first).
         */
        private void plan(Map<String, Object> p) {
            UUID station = stationIds.get(p.get("station"));
            int year = (Integer) p.get("year");
            List<Map<String, Object>> projects = (List<Map<String, Object>>) p.get("projects");
            plans.save(new ServicePlan(UUID.randomUUID(), station, year, projects.stream()
                    .map(x -> new ServicePlan.Project((String) x.get("name"), (String) x.get("slot"), (String) x.get("item"), null))
                    .toList(), 1, "demo", null));
            for (Map<String, Object> x : projects) {
                Map<String, String> stages = new java.util.LinkedHashMap<>();
                ((Map<String, Object>) x.getOrDefault("stages", Map.of())).forEach((k, v) -> stages.put(k, date(v).toString()));
                if (stages.isEmpty()) {
                    continue;
                }
                String reached = stages.keySet().stream().reduce((a, b) -> b).orElseThrow();
                stationProjects.save(new StationProject(UUID.randomUUID(), station, year, (String) x.get("name"), (String) x.get("slot"),
                        (String) x.get("item"), reached, stages, LocalDate.parse(stages.values().iterator().next()), null,
                        (String) x.get("operator"), null, (Integer) x.get("targetBeneficiaries"), (Integer) x.get("targetSessions"),
                        1, "demo"));
            }
        }

        /** A visit and what it found, each finding at the point of the loop the demo gives. */
        private void supervisionVisit(Map<String, Object> v) {
            UUID station = stationIds.get(v.get("station"));
            SupervisionVisit visit = visits.save(new SupervisionVisit(UUID.randomUUID(), station, date(v.get("visitedOn")),
                    (String) v.getOrDefault("kind", "ON_SITE"), (String) v.get("supervisor"), (String) v.get("summary"), "demo", null));
            for (Map<String, Object> f : (List<Map<String, Object>>) v.getOrDefault("findings", List.of())) {
                LocalDate rectifyBy = date(f.get("rectifyBy"));
                String status = (String) f.getOrDefault("status", rectifyBy == null ? "NOTED" : "OPEN");
                findingRows.save(new SupervisionFinding(UUID.randomUUID(), visit.id(), station, (String) f.get("description"),
                        (String) f.get("rule"), rectifyBy, status, date(f.get("reportedOn")), (String) f.get("report"),
                        date(f.get("reinspectedOn")), (String) f.get("note"), 1, "demo"));
            }
        }

        private void featuredCase(Map<String, Object> c) {
            LocalDate on = date(c.get("submittedOn"));
            String status = (String) c.getOrDefault("status", "SUBMITTED");
            boolean reviewed = !"SUBMITTED".equals(status);
            cases.save(new FeaturedCase(UUID.randomUUID(), stationIds.get(c.get("station")), null, on.getYear(),
                    (String) c.get("kind"), (String) c.get("title"), (String) c.get("summary"), (String) c.get("summary"),
                    status, on, "demo", reviewed ? on.plusDays(7) : null, reviewed ? "demo" : null,
                    (String) c.get("comment"), 1));
        }

        /**
         * A station's activity over months, generated: `perMonth` records of each of `kinds` from
         * `from` to the demo's `until`, with their hours and the people served (by `served`
         * categories) varying a little from month to month, so that totals and charts have shape.
         */
        private void activitySeries(Map<String, Object> a) {
            UUID station = stationIds.get(a.get("station"));
            List<String> kinds = strings(a.get("kinds"));
            Map<String, Object> served = (Map<String, Object>) a.getOrDefault("served", Map.of());
            int perMonth = ((Number) a.getOrDefault("perMonth", 1)).intValue();
            LocalDate until = date(a.get("until"));
            int n = 0;
            for (LocalDate month = date(a.get("from")); !month.isAfter(until); month = month.plusMonths(1)) {
                for (String kind : kinds) {
                    for (int i = 0; i < perMonth; i++, n++) {
                        LocalDate day = month.plusDays((7L * i + 3L * n) % 25);
                        if (day.isAfter(until)) {
                            continue;
                        }
                        Map<String, Integer> people = new java.util.LinkedHashMap<>();
                        for (Map.Entry<String, Object> e : served.entrySet()) {
                            people.put(e.getKey(), ((Number) e.getValue()).intValue() + n % 5);
                        }
                        activities.save(new ActivityRecord(UUID.randomUUID(), station, null, kind,
                                a.get("title") + " " + day, day, 1.5 + n % 3, List.of(), people, n % 4, (n % 4) * 2.0,
                                "demo", null));
                    }
                }
            }
        }

        private void users() {
            for (String user : USERS) {
                accounts.save(new AppUser(UUID.randomUUID(), user, "Demo " + user, hash, List.of(USER_ROLES.get(user)),
                        true, false, 1, null));
            }
            for (Object station : (List<Object>) doc.getOrDefault("operatorStations", List.of())) {
                operators.grant(code + ":operator", stationIds.get(station));
            }
        }

        private List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) doc.getOrDefault(key, List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList();
    }

    private static LocalDate date(Object v) {
        return v == null ? null : LocalDate.parse(v.toString());
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}
