package io.shegong.excel;

import io.shegong.activity.ActivityService;
import io.shegong.activity.ActivityService.RecordActivity;
import io.shegong.activity.StationProject;
import io.shegong.activity.StationProjectRepository;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationService;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.WorkerRepository;
import io.shegong.worker.WorkerService;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.shegong.excel.Column.Type.CHOICE;
import static io.shegong.excel.Column.Type.DATE;
import static io.shegong.excel.Column.Type.INTEGER;
import static io.shegong.excel.Column.Type.NUMBER;
import static io.shegong.excel.Column.Type.TEXT;

/**
 * Activity records (服务记录), one a row, each recorded as `recordActivity` records it, so a row
 * is held to the service's rules and no others: its station named by code (or by its name, when
 * only one station bears it), its project by name among the station's projects, its workers by
 * name, and the people served as `类别:人数` pairs in one cell. A STATION_OPERATOR imports the
 * records of the stations granted to it; a row of another station is refused as the API refuses it.
 */
@Singleton
class ActivityImport implements ImportKind {
    static final List<Column> COLUMNS = List.of(
            Column.of("station", "站点编码或名称", "Station code or name", TEXT, true).listed("stations"),
            Column.of("project", "所属项目名称", "Project name", TEXT, false),
            Column.of("heldOn", "服务日期", "Held on", DATE, true),
            Column.of("kind", "服务类型", "Kind", CHOICE, true).listed("activityKinds"),
            Column.of("title", "活动名称", "Title", TEXT, true),
            Column.of("hours", "服务时长（小时）", "Hours", NUMBER, true),
            Column.of("workers", "服务社工姓名", "Workers' names", TEXT, false),
            Column.of("beneficiaries", "服务对象人数（类别:人数）", "People served (category:count)", TEXT, false)
                    .listed("beneficiaryCategories"),
            Column.of("volunteers", "志愿者人数", "Volunteers", INTEGER, false),
            Column.of("volunteerHours", "志愿服务时长（小时）", "Volunteer hours", NUMBER, false));
    // the command's fields that name a column of another name
    private static final Map<String, String> FIELDS = Map.of("stationId", "station", "projectId", "project",
            "workerIds", "workers");
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\n]+");
    private static final Pattern SERVED = Pattern.compile("(.+?)\\s*[:：]\\s*(\\d+)");

    private final ActivityService activities;
    private final StationService stations;
    private final StationProjectRepository projects;
    private final WorkerService workers;
    private final StationAccess access;
    private final PolicyVocabularies vocabularies;
    private final Commands commands;

    ActivityImport(ActivityService activities, StationService stations, StationProjectRepository projects,
                   WorkerService workers, StationAccess access, PolicyVocabularies vocabularies, Commands commands) {
        this.activities = activities;
        this.stations = stations;
        this.projects = projects;
        this.workers = workers;
        this.access = access;
        this.vocabularies = vocabularies;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public String entity() {
        return "ActivityRecord";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public void requireImporter(Caller caller) {
        ImportKind.requireAdminOrOperator(caller, "activity records");
    }

    @Override
    public List<Listing> lists(Caller caller) {
        Vocabularies terms = vocabularies.today();
        List<Listing> lists = new ArrayList<>();
        // an operator's template offers the stations it records for
        lists.add(Listing.codes("stations", "站点编码", StationImport.stationChoices(
                access.editable(caller, stations.all(caller, StationImport.everyStation())))));
        // a vocabulary the profile leaves free has no list: any code is taken
        if (terms.activityKinds() != null) {
            lists.add(Listing.labels("activityKinds", "服务类型", StationImport.choices(terms.activityKinds())));
        }
        if (terms.beneficiaryCategories() != null) {
            lists.add(Listing.several("beneficiaryCategories", "服务对象类别", StationImport.choices(terms.beneficiaryCategories())));
        }
        return lists;
    }

    @Override
    public Batch begin(Caller caller, List<SheetRow> rows) {
        Map<String, Column> sheet = Column.byField(COLUMNS);
        Vocabularies terms = vocabularies.today();
        List<Choice> kinds = terms.activityKinds() == null ? null : StationImport.choices(terms.activityKinds());
        List<Choice> categories = terms.beneficiaryCategories() == null ? null
                : StationImport.choices(terms.beneficiaryCategories());
        List<Station> all = stations.all(caller, StationImport.everyStation());
        Map<String, Station> byCode = new HashMap<>();
        Map<String, List<Station>> byName = new HashMap<>();
        all.forEach(s -> {
            byCode.put(s.code(), s);
            byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        });
        Map<java.util.UUID, List<StationProject>> projectsOf = new HashMap<>();
        projects.atStations(Ids.array(all.stream().map(Station::id).toList()))
                .forEach(p -> projectsOf.computeIfAbsent(p.stationId(), s -> new ArrayList<>()).add(p));
        Map<String, List<SocialWorker>> workersByName = new HashMap<>();
        workers.all(caller, new WorkerRepository.Filter(null, null, null, null))
                .forEach(w -> workersByName.computeIfAbsent(w.name(), n -> new ArrayList<>()).add(w));
        return new Batch() {
            @Override
            public List<Integer> order() {
                return IntStream.range(0, rows.size()).boxed().toList();
            }

            @Override
            public String write(RowReader row) {
                Map<String, Object> input = new HashMap<>();
                Station station = station(row, row.text("station"));
                input.put("stationId", station == null ? null : GlobalId.encode("Station", station.id()));
                LocalDate heldOn = row.date("heldOn");
                input.put("heldOn", heldOn);
                input.put("projectId", project(row, station, row.text("project")));
                input.put("kind", kinds == null ? row.text("kind") : row.choice("kind", kinds, "服务类型"));
                input.put("title", row.text("title"));
                input.put("hours", row.number("hours"));
                input.put("workerIds", workerIds(row, row.text("workers")));
                input.put("beneficiaries", served(row, row.text("beneficiaries")));
                Integer volunteers = row.integer("volunteers");
                input.put("volunteers", volunteers == null ? 0 : volunteers);
                Double volunteerHours = row.number("volunteerHours");
                input.put("volunteerHours", volunteerHours == null ? 0.0 : volunteerHours);
                if (!row.errors().isEmpty()) {
                    throw new RowFailed(row.errors());
                }
                try {
                    return GlobalId.encode("ActivityRecord",
                            activities.record(caller, commands.bind(input, "input", RecordActivity.class)).id());
                } catch (ApiException e) {
                    throw new RowFailed(List.of(ServiceErrors.of(row, e, FIELDS, sheet)));
                }
            }

            /** By code; by name when one station alone bears it. */
            private Station station(RowReader row, String cell) {
                if (cell == null) {
                    return null;
                }
                Station s = byCode.get(cell);
                if (s != null) {
                    return s;
                }
                List<Station> named = byName.getOrDefault(cell, List.of());
                if (named.size() == 1) {
                    return named.getFirst();
                }
                if (named.isEmpty()) {
                    row.fault("station", "未知的站点：" + cell + "（请填写站点编码或站点名称）", "Unknown station: " + cell);
                } else {
                    row.fault("station", "有 " + named.size() + " 个站点名为“" + cell + "”，请改填站点编码",
                            named.size() + " stations are named " + cell + "; give the station's code");
                }
                return null;
            }

            /** The station's project of that name; the year of the activity decides between years' projects. */
            private String project(RowReader row, Station station, String cell) {
                if (cell == null || station == null) {
                    return null;
                }
                List<StationProject> named = projectsOf.getOrDefault(station.id(), List.of()).stream()
                        .filter(p -> p.name().equals(cell)).toList();
                LocalDate heldOn = row.date("heldOn");
                if (named.size() > 1 && heldOn != null) {
                    named = named.stream().filter(p -> p.year() == heldOn.getYear()).toList();
                }
                if (named.size() != 1) {
                    row.fault("project", named.isEmpty() ? "站点“" + station.name() + "”没有名为“" + cell + "”的项目"
                                    : "站点“" + station.name() + "”有多个名为“" + cell + "”的项目",
                            named.isEmpty() ? "The station has no project named " + cell
                                    : "The station has several projects named " + cell);
                    return null;
                }
                return GlobalId.encode("StationProject", named.getFirst().id());
            }

            /** Workers by name, separated by 、; a name two workers share cannot say which. */
            private List<String> workerIds(RowReader row, String cell) {
                if (cell == null) {
                    return null;
                }
                List<String> ids = new ArrayList<>();
                for (String name : SEPARATORS.split(cell)) {
                    String n = name.strip();
                    if (n.isEmpty()) {
                        continue;
                    }
                    List<SocialWorker> found = workersByName.getOrDefault(n, List.of());
                    if (found.size() == 1) {
                        ids.add(GlobalId.encode("SocialWorker", found.getFirst().id()));
                    } else if (found.isEmpty()) {
                        row.fault("workers", "未知的社工：" + n, "Unknown worker: " + n);
                    } else {
                        row.fault("workers", "有 " + found.size() + " 名社工叫“" + n + "”，无法区分，请通过系统录入该条记录",
                                found.size() + " workers are named " + n + "; record this activity through the console");
                    }
                }
                return ids;
            }

            /** `老年人:12、儿童:20`: each category by code or label, and its count. */
            private List<Map<String, Object>> served(RowReader row, String cell) {
                if (cell == null) {
                    return null;
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (String part : SEPARATORS.split(cell)) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Matcher m = SERVED.matcher(part.strip());
                    if (!m.matches()) {
                        row.fault("beneficiaries", "服务对象人数应写作“类别:人数”，以、分隔，例如“老年人:12、儿童:20”；“"
                                + part.strip() + "”不是", "write people served as category:count, e.g. elderly:12, children:20");
                        continue;
                    }
                    String category = categories == null ? m.group(1) : Choice.resolve(categories, m.group(1));
                    if (category == null) {
                        row.fault("beneficiaries", "未知的服务对象类别：" + m.group(1) + "（可选：" + Choice.listZh(categories) + "）",
                                "Unknown beneficiary category: " + m.group(1));
                        continue;
                    }
                    try {
                        out.add(Map.of("category", category, "count", Integer.parseInt(m.group(2))));
                    } catch (NumberFormatException tooLarge) {
                        row.fault("beneficiaries", "人数过大：" + m.group(2), "count too large: " + m.group(2));
                    }
                }
                return out;
            }
        };
    }
}
