package io.shegong.excel;

import io.shegong.activity.ActivityRecord;
import io.shegong.activity.ActivityService;
import io.shegong.activity.StationProjectRepository;
import io.shegong.compliance.ComplianceReport;
import io.shegong.compliance.ComplianceService;
import io.shegong.compliance.Finding;
import io.shegong.compliance.StationCompliance;
import io.shegong.core.db.Ids;
import io.shegong.core.db.Sessions;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationKind;
import io.shegong.station.StationRepository;
import io.shegong.station.StationService;
import io.shegong.worker.Assignment;
import io.shegong.worker.AssignmentRepository;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.WorkerRepository;
import io.shegong.worker.WorkerService;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The lists of the API as workbooks: the same filters and the same rights as the GraphQL lists
 * (a worker's personal fields for a TENANT_ADMIN only), global ids as the API gives them, labels
 * where the API gives codes, and dates as dates. Each export reads in one read-only transaction
 * bound to the caller's tenant, so row-level security keeps every other tenant's rows out.
 */
@Singleton
public class ExcelExporter {
    private final Sessions sessions;
    private final StationService stationService;
    private final StationRepository stations;
    private final DivisionRepository divisions;
    private final WorkerService workerService;
    private final WorkerRepository workers;
    private final AssignmentRepository assignments;
    private final ComplianceService compliance;
    private final PolicyVocabularies vocabularies;
    private final BureauCalendar calendar;
    private final ActivityService activityService;
    private final StationProjectRepository projects;

    ExcelExporter(Sessions sessions, StationService stationService, StationRepository stations,
                  DivisionRepository divisions, WorkerService workerService, WorkerRepository workers,
                  AssignmentRepository assignments, ComplianceService compliance, PolicyVocabularies vocabularies,
                  BureauCalendar calendar, ActivityService activityService, StationProjectRepository projects) {
        this.activityService = activityService;
        this.projects = projects;
        this.sessions = sessions;
        this.stationService = stationService;
        this.stations = stations;
        this.divisions = divisions;
        this.workerService = workerService;
        this.workers = workers;
        this.assignments = assignments;
        this.compliance = compliance;
        this.vocabularies = vocabularies;
        this.calendar = calendar;
    }

    /** The lists that can be exported: the export path's `{list}`. */
    public static final Set<String> LISTS = Set.of("stations", "workers", "findings", "compliance-report", "activities",
            "funding");

    public byte[] stations(Caller caller, StationRepository.Filter filter) {
        return read(caller, () -> {
            List<Station> all = stationService.all(caller, filter);
            Map<String, StationKind> kinds = stationService.kinds(caller).stream()
                    .collect(Collectors.toMap(StationKind::code, Function.identity()));
            Map<UUID, Division> divisionsById = divisionsOf(all.stream().map(Station::divisionId).toList());
            Map<UUID, String> codes = stationCodes(all, all.stream().map(Station::parentId).toList());
            Vocabularies terms = vocabularies.today();
            List<List<Object>> rows = new ArrayList<>();
            for (Station s : all) {
                Division d = divisionsById.get(s.divisionId());
                StationKind k = kinds.get(s.kindCode());
                rows.add(Arrays.asList(GlobalId.encode("Station", s.id()), s.code(), s.name(),
                        k == null ? s.kindCode() : k.labelZh(), s.domain() == null ? null : terms.labelZh("domains", s.domain()),
                        d == null ? null : d.code(), d == null ? null : d.nameZh(),
                        Choice.labelZh(Choice.OPERATING_MODES, s.operatingMode()), Choice.labelZh(Choice.STATUSES, s.status()),
                        s.statusSince(), s.parentId() == null ? null : codes.get(s.parentId()), s.hostFacility(), s.address(),
                        s.latitude(), s.longitude(), labels(terms, "rooms", s.rooms()), labels(terms, "rules", s.rules())));
            }
            return List.of(new Table("站点", List.of("ID", "站点编码", "站点名称", "站点类型", "服务领域", "所属区划编码",
                    "所属区划", "运营模式", "状态", "状态起始日期", "上级站点编码", "依托场所", "地址", "纬度", "经度", "功能室", "制度"),
                    rows));
        });
    }

    public byte[] workers(Caller caller, WorkerRepository.Filter filter) {
        return read(caller, () -> {
            List<SocialWorker> all = workerService.all(caller, filter);
            // as the schema answers them: personal fields to a TENANT_ADMIN only
            boolean personal = caller.has(Role.TENANT_ADMIN);
            LocalDate today = calendar.today();
            Map<UUID, List<Assignment>> posts = new HashMap<>();
            for (List<UUID> chunk : chunks(all.stream().map(SocialWorker::id).toList())) {
                assignments.ofWorkers(Ids.array(chunk)).stream().filter(a -> a.currentOn(today))
                        .forEach(a -> posts.computeIfAbsent(a.workerId(), w -> new ArrayList<>()).add(a));
            }
            Map<UUID, String> codes = stationCodes(List.of(),
                    posts.values().stream().flatMap(List::stream).map(Assignment::stationId).toList());
            List<String> headings = new ArrayList<>(List.of("ID", "姓名", "学历", "专业", "职业水平证书", "取证日期",
                    "社会工作年限", "社区工作年限", "无犯罪记录核查日期", "是否专职", "当前岗位"));
            if (personal) {
                headings.addAll(List.of("出生日期", "联系电话", "身份证号"));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (SocialWorker w : all) {
                String current = posts.getOrDefault(w.id(), List.of()).stream()
                        .map(a -> codes.get(a.stationId()) + " " + Choice.labelZh(Choice.ROLES, a.role()) + (a.fullTime() ? "" : "（兼职）"))
                        .collect(Collectors.joining("、"));
                List<Object> row = new ArrayList<>(Arrays.asList(GlobalId.encode("SocialWorker", w.id()), w.name(),
                        Choice.labelZh(Choice.EDUCATION, w.educationLevel()), w.educationMajor(),
                        Choice.labelZh(Choice.CERTIFICATES, w.certificateLevel()), w.certificateDate(),
                        w.socialWorkYears(), w.communityWorkYears(), w.lastRecordCheckOn(), w.fullTime(),
                        current.isEmpty() ? null : current));
                if (personal) {
                    row.addAll(Arrays.asList(w.birthDate(), w.phone(), w.idNumber()));
                }
                rows.add(row);
            }
            return List.of(new Table("社工", headings, rows));
        });
    }

    /** Each finding of the report's stations, one a row; `severity` also keeps only findings of it. */
    public byte[] findings(Caller caller, LocalDate on, ComplianceReport.Filter filter) {
        return read(caller, () -> {
            ComplianceReport report = compliance.report(caller, on == null ? calendar.today() : on, filter, null);
            List<Finding> found = report.rows().stream().flatMap(r -> r.findings().stream())
                    .filter(f -> filter.severity() == null || f.severity() == filter.severity()).toList();
            Map<UUID, Station> byId = report.rows().stream().map(StationCompliance::station)
                    .collect(Collectors.toMap(Station::id, Function.identity(), (a, b) -> a));
            Map<UUID, String> names = workerNames(found.stream().flatMap(f -> f.workerIds().stream()).toList());
            List<List<Object>> rows = new ArrayList<>();
            for (Finding f : found) {
                Station s = f.stationId() == null ? null : byId.get(f.stationId());
                rows.add(Arrays.asList(s == null ? null : GlobalId.encode("Station", s.id()), s == null ? null : s.code(),
                        s == null ? null : s.name(), severity(f.severity()), f.rule(), f.messageZh(), f.source(),
                        f.wording(), f.bureauSetting(),
                        f.workerIds().stream().map(names::get).filter(n -> n != null).collect(Collectors.joining("、")),
                        f.messageEn()));
            }
            return List.of(new Table("问题清单", List.of("站点ID", "站点编码", "站点名称", "严重程度", "规则", "问题",
                    "依据", "文件原文", "本局自行设定", "涉及社工", "Finding (English)"), rows));
        });
    }

    /** The report's stations worst first, and its counts by rule. */
    public byte[] complianceReport(Caller caller, LocalDate on, ComplianceReport.Filter filter) {
        return read(caller, () -> {
            ComplianceReport report = compliance.report(caller, on == null ? calendar.today() : on, filter, null);
            Map<String, StationKind> kinds = stationService.kinds(caller).stream()
                    .collect(Collectors.toMap(StationKind::code, Function.identity()));
            Map<UUID, Division> divisionsById = divisionsOf(report.rows().stream().map(r -> r.station().divisionId()).toList());
            List<List<Object>> rows = new ArrayList<>();
            for (StationCompliance c : report.rows()) {
                Station s = c.station();
                Division d = divisionsById.get(s.divisionId());
                StationKind k = kinds.get(s.kindCode());
                rows.add(Arrays.asList(GlobalId.encode("Station", s.id()), s.code(), s.name(),
                        k == null ? s.kindCode() : k.labelZh(), d == null ? null : d.nameZh(),
                        c.statusOn() == null ? null : Choice.labelZh(Choice.STATUSES, c.statusOn()),
                        Choice.labelZh(Choice.STANDINGS, c.standing().name()), c.violations(), c.advisories(), report.on()));
            }
            List<List<Object>> rules = report.byRule().stream().<List<Object>>map(r -> Arrays.asList(r.rule(),
                    severity(Severity.valueOf(r.severity())), r.source(), r.findings(), r.stations())).toList();
            return List.of(
                    new Table("站点合规", List.of("站点ID", "站点编码", "站点名称", "站点类型", "所属区划", "当日状态", "结论",
                            "违规数", "建议数", "检查日期"), rows),
                    new Table("按规则", List.of("规则", "严重程度", "依据", "问题数", "站点数"), rules));
        });
    }

    /**
     * Activity records held in a period (at most 366 days; this year until today when not given),
     * of one station or of the stations in a division's subtree, oldest first; each row holds
     * what the import takes, so an exported sheet reads back in.
     */
    public byte[] activities(Caller caller, LocalDate from, LocalDate to, UUID stationId, UUID divisionId) {
        return read(caller, () -> {
            LocalDate today = calendar.today();
            LocalDate last = to == null ? today : to;
            LocalDate first = from == null ? last.withDayOfYear(1) : from;
            ActivityService.checkPeriod(first, last);
            List<Station> at = stationService.all(caller, new StationRepository.Filter(divisionId, null, null, null, null, null))
                    .stream().filter(s -> stationId == null || s.id().equals(stationId)).toList();
            Map<UUID, Station> byId = at.stream().collect(Collectors.toMap(Station::id, Function.identity()));
            List<ActivityRecord> records = activityService.periods(caller, byId.keySet(), first, last).values().stream()
                    .flatMap(p -> p.records().stream())
                    .sorted(java.util.Comparator.comparing(ActivityRecord::heldOn).thenComparing(r -> byId.get(r.stationId()).code()))
                    .toList();
            Map<UUID, String> projectNames = new HashMap<>();
            List<UUID> projectIds = records.stream().map(ActivityRecord::projectId).filter(java.util.Objects::nonNull).distinct().toList();
            for (List<UUID> chunk : chunks(projectIds)) {
                projects.byIds(Ids.array(chunk)).forEach(p -> projectNames.put(p.id(), p.name()));
            }
            Map<UUID, String> names = workerNames(records.stream().flatMap(r -> r.workerIds().stream()).map(UUID::fromString).toList());
            Vocabularies terms = vocabularies.today();
            List<List<Object>> rows = new ArrayList<>();
            for (ActivityRecord r : records) {
                Station s = byId.get(r.stationId());
                String served = r.beneficiaries().entrySet().stream()
                        .map(e -> terms.labelZh("beneficiaryCategories", e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining("、"));
                rows.add(Arrays.asList(GlobalId.encode("ActivityRecord", r.id()), s.code(), s.name(),
                        r.projectId() == null ? null : projectNames.get(r.projectId()), r.heldOn(),
                        terms.labelZh("activityKinds", r.kind()), r.title(), r.hours(),
                        r.workerIds().stream().map(id -> names.get(UUID.fromString(id))).filter(java.util.Objects::nonNull)
                                .collect(Collectors.joining("、")),
                        served.isEmpty() ? null : served,
                        r.beneficiaries().values().stream().mapToInt(Integer::intValue).sum(), r.volunteers(),
                        r.volunteerHours(), r.recordedBy()));
            }
            return List.of(new Table("服务记录", List.of("ID", "站点编码", "站点名称", "所属项目名称", "服务日期", "服务类型",
                    "活动名称", "服务时长（小时）", "服务社工姓名", "服务对象人数（类别:人数）", "服务人次合计", "志愿者人数",
                    "志愿服务时长（小时）", "记录人"), rows));
        });
    }

    private byte[] read(Caller caller, Supplier<List<Table>> tables) {
        caller.requireTenantMember();
        List<Table> read = sessions.forRequest(caller.tenantCode(), caller.passwordLogin(), s -> {
            s.readOnly(true);
            s.bind();
            return tables.get();
        });
        return Workbooks.tables(read);
    }

    private Map<UUID, Division> divisionsOf(Collection<UUID> ids) {
        Map<UUID, Division> out = new HashMap<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(new HashSet<>(ids)))) {
            divisions.byIds(Ids.array(chunk)).forEach(d -> out.put(d.id(), d));
        }
        return out;
    }

    /** Codes of the stations with these ids: from the list at hand, the others read. */
    private Map<UUID, String> stationCodes(List<Station> known, Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        known.forEach(s -> out.put(s.id(), s.code()));
        List<UUID> missing = ids.stream().filter(id -> id != null && !out.containsKey(id)).distinct().toList();
        for (List<UUID> chunk : chunks(missing)) {
            stations.byIds(Ids.array(chunk)).forEach(s -> out.put(s.id(), s.code()));
        }
        return out;
    }

    private Map<UUID, String> workerNames(Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        for (List<UUID> chunk : chunks(ids.stream().distinct().toList())) {
            workers.byIds(Ids.array(chunk)).forEach(w -> out.put(w.id(), w.name()));
        }
        return out;
    }

    private static String labels(Vocabularies terms, String vocabulary, List<String> codes) {
        return codes == null || codes.isEmpty() ? null
                : codes.stream().map(c -> terms.labelZh(vocabulary, c)).collect(Collectors.joining("、"));
    }

    private static String severity(Severity s) {
        return Choice.labelZh(Choice.SEVERITIES, s.name());
    }

    /** Ids in batches, so that no statement binds an array of unbounded size. */
    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 5000) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 5000)));
        }
        return out;
    }
}
