package io.shegong.excel;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.station.StationAccess;
import io.shegong.station.StationService;
import io.shegong.worker.AssignmentService;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.WorkerCommands.AddTrainingRecord;
import io.shegong.worker.WorkerCommands.AssignWorker;
import io.shegong.worker.WorkerCommands.RegisterWorker;
import io.shegong.worker.WorkerService;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.excel.Column.Type.BOOLEAN;
import static io.shegong.excel.Column.Type.CHOICE;
import static io.shegong.excel.Column.Type.CODE;
import static io.shegong.excel.Column.Type.DATE;
import static io.shegong.excel.Column.Type.NUMBER;
import static io.shegong.excel.Column.Type.TEXT;

/**
 * Social workers, one a row, each registered as `registerWorker` does, with at most one post
 * (`assignWorker`, its station named by code) and one training record (`addTrainingRecord`) on
 * the same row. Workers have no code, so a file cannot refer to a worker; a second post or
 * training is added through the API. A STATION_OPERATOR imports workers into the stations
 * granted to it only: every row of theirs names one, as their registering a worker through the
 * API is only of use with a post there.
 */
@Singleton
class WorkerImport implements ImportKind {
    static final List<Column> COLUMNS = List.of(
            Column.of("name", "姓名", "Name", TEXT, true),
            Column.of("educationLevel", "学历", "Education", CHOICE, true).listed("education"),
            Column.of("educationMajor", "专业", "Major", TEXT, false),
            Column.of("certificateLevel", "职业水平证书", "Certificate", CHOICE, false).listed("certificates"),
            Column.of("certificateDate", "取证日期", "Certificate date", DATE, false),
            Column.of("birthDate", "出生日期", "Birth date", DATE, false),
            Column.of("phone", "联系电话", "Phone", TEXT, false),
            Column.of("idNumber", "身份证号", "Id number", TEXT, false),
            Column.of("socialWorkYears", "社会工作年限", "Social work years", NUMBER, false),
            Column.of("communityWorkYears", "社区工作年限", "Community work years", NUMBER, false),
            Column.of("lastRecordCheckOn", "无犯罪记录核查日期", "Last record check", DATE, false),
            Column.of("fullTime", "是否专职", "Full-time", BOOLEAN, false).listed("yesNo"),
            Column.of("station", "岗位站点编码", "Post station code", CODE, false).listed("stations"),
            Column.of("role", "岗位", "Post role", CHOICE, false).listed("roles"),
            Column.of("startsOn", "到岗日期", "Post starts on", DATE, false),
            Column.of("endsOn", "离岗日期", "Post ends on", DATE, false),
            Column.of("trainingTopic", "培训主题", "Training topic", TEXT, false),
            Column.of("trainingProvider", "培训机构", "Training provider", TEXT, false),
            Column.of("trainingHours", "培训学时", "Training hours", NUMBER, false),
            Column.of("trainingCompletedOn", "培训完成日期", "Training completed on", DATE, false));
    private static final Map<String, String> POST_FIELDS = Map.of("stationId", "station", "fullTime", "fullTime");
    private static final Map<String, String> TRAINING_FIELDS = Map.of("topic", "trainingTopic",
            "provider", "trainingProvider", "hours", "trainingHours", "completedOn", "trainingCompletedOn");
    private static final List<String> POST = List.of("station", "role", "startsOn");
    private static final List<String> TRAINING = List.of("trainingTopic", "trainingProvider", "trainingHours",
            "trainingCompletedOn");

    private final WorkerService workers;
    private final AssignmentService assignments;
    private final StationService stations;
    private final StationAccess access;
    private final Commands commands;

    WorkerImport(WorkerService workers, AssignmentService assignments, StationService stations, StationAccess access,
                 Commands commands) {
        this.workers = workers;
        this.assignments = assignments;
        this.stations = stations;
        this.access = access;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public String entity() {
        return "SocialWorker";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public void requireImporter(Caller caller) {
        ImportKind.requireAdminOrOperator(caller, "workers");
    }

    @Override
    public List<Listing> lists(Caller caller) {
        return List.of(
                Listing.labels("education", "学历", Choice.EDUCATION),
                Listing.labels("certificates", "职业水平证书", Choice.CERTIFICATES),
                Listing.labels("yesNo", "是否专职", Choice.YES_NO),
                // an operator's template offers the stations it may post workers at
                Listing.codes("stations", "站点编码", StationImport.stationChoices(
                        access.editable(caller, stations.all(caller, StationImport.everyStation())))),
                Listing.labels("roles", "岗位", Choice.ROLES));
    }

    @Override
    public Batch begin(Caller caller, List<SheetRow> rows) {
        Map<String, Column> sheet = Column.byField(COLUMNS);
        Refs<String> stationRefs = new Refs<>("Station", "站点编码");
        stations.all(caller, StationImport.everyStation()).forEach(s -> stationRefs.known(s.code(), stationRefs.globalId(s.id())));
        boolean admin = caller.has(Role.TENANT_ADMIN);
        return new Batch() {
            @Override
            public List<Integer> order() {
                return java.util.stream.IntStream.range(0, rows.size()).boxed().toList();
            }

            @Override
            public String write(RowReader row) {
                Map<String, Object> worker = new HashMap<>();
                worker.put("name", row.text("name"));
                worker.put("educationLevel", row.choice("educationLevel", Choice.EDUCATION, "学历"));
                worker.put("educationMajor", row.text("educationMajor"));
                worker.put("certificateLevel", row.choice("certificateLevel", Choice.CERTIFICATES, "证书等级"));
                worker.put("certificateDate", row.date("certificateDate"));
                worker.put("birthDate", row.date("birthDate"));
                worker.put("phone", row.text("phone"));
                worker.put("idNumber", row.text("idNumber"));
                worker.put("socialWorkYears", row.number("socialWorkYears"));
                worker.put("communityWorkYears", row.number("communityWorkYears"));
                worker.put("lastRecordCheckOn", row.date("lastRecordCheckOn"));
                Boolean fullTime = row.bool("fullTime");
                worker.put("fullTime", fullTime);
                Map<String, Object> post = together(row, POST, "岗位（站点、岗位、到岗日期）", "post (station, role, startsOn)");
                if (post == null && row.has("endsOn")) {
                    row.fault("endsOn", "填写离岗日期时须同时填写岗位站点、岗位和到岗日期",
                            "endsOn needs the post's station, role and startsOn");
                }
                if (post == null && !admin && row.errors().isEmpty()) {
                    row.fault("station", "站点操作员导入的社工须填写其负责站点的岗位",
                            "A STATION_OPERATOR's rows need a post at one of their stations");
                }
                if (post != null) {
                    post.put("stationId", stationRefs.resolve(row, "station", row.text("station")));
                    post.put("role", row.choice("role", Choice.ROLES, "岗位"));
                    post.put("startsOn", row.date("startsOn"));
                    post.put("endsOn", row.date("endsOn"));
                    post.put("fullTime", fullTime);
                }
                Map<String, Object> training = together(row, TRAINING, "培训（主题、机构、学时、完成日期）",
                        "training (topic, provider, hours, completed on)");
                if (training != null) {
                    training.put("topic", row.text("trainingTopic"));
                    training.put("provider", row.text("trainingProvider"));
                    training.put("hours", row.number("trainingHours"));
                    training.put("completedOn", row.date("trainingCompletedOn"));
                }
                if (!row.errors().isEmpty()) {
                    throw new RowFailed(row.errors());
                }
                SocialWorker created = step(row, Map.of(), () ->
                        workers.register(caller, commands.bind(worker, "input", RegisterWorker.class)));
                String id = GlobalId.encode("SocialWorker", created.id());
                // the post before the training: an operator may add training only to a worker of their station
                if (post != null) {
                    post.put("workerId", id);
                    step(row, POST_FIELDS, () -> assignments.assign(caller, commands.bind(post, "input", AssignWorker.class)));
                }
                if (training != null) {
                    training.put("workerId", id);
                    step(row, TRAINING_FIELDS, () ->
                            workers.addTraining(caller, commands.bind(training, "input", AddTrainingRecord.class)));
                }
                return id;
            }

            private <T> T step(RowReader row, Map<String, String> fields, java.util.function.Supplier<T> action) {
                try {
                    return action.get();
                } catch (ApiException e) {
                    throw new RowFailed(List.of(ServiceErrors.of(row, e, fields, sheet)));
                }
            }
        };
    }

    /**
     * Columns that are filled together or not at all: a map to fill when any is, with a fault for
     * each one missing; null when none is.
     */
    private static Map<String, Object> together(RowReader row, List<String> fields, String whatZh, String whatEn) {
        if (fields.stream().noneMatch(row::has)) {
            return null;
        }
        for (String f : fields) {
            if (!row.has(f)) {
                row.fault(f, "填写" + whatZh + "时，此列不能为空", f + " is required with the " + whatEn);
            }
        }
        return new HashMap<>();
    }
}
