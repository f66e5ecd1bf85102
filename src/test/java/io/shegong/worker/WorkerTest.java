package io.shegong.worker;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class WorkerTest extends GraphQLTestBase {

    private String register(Client client, Map<String, Object> extra) {
        Map<String, Object> in = new HashMap<>(Map.of("name", "李静", "educationLevel", "BACHELOR",
                "educationMajor", "社会工作", "certificateLevel", "ASSISTANT", "certificateDate", "2020-06-20",
                "birthDate", "1990-05-01", "phone", "13800009999", "socialWorkYears", 4.5));
        in.putAll(extra);
        return client.run("registerWorker", "input", in).assertOk().string("registerWorker.worker.id");
    }

    @Test
    void registerWorker_thenAssign_showsAsCurrentPostAndInTheStationsWorkers() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        String station = Fixtures.stationId(admin, "huaxin");
        Result r = admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station,
                "role", "SOCIAL_WORKER", "startsOn", "2026-10-01")).assertOk();
        assertTrue((Boolean) r.get("assignWorker.assignment.current"));
        assertEquals(1, ((List<?>) r.get("assignWorker.assignment.worker.currentAssignments")).size());
        Result list = admin.run("workers", "first", 100, "filter", Map.of("stationId", station)).assertOk();
        List<Map<String, Object>> edges = list.get("workers.edges");
        assertTrue(edges.stream().anyMatch(e -> worker.equals(Fixtures.node(e).get("id"))));
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station,
                "role", "SOCIAL_WORKER", "startsOn", "2026-11-01")).assertError("CONFLICT", "input.startsOn");
    }

    @Test
    void endAssignment_checksDatesAndVersion() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        String station = Fixtures.stationId(admin, "baihe");
        String post = admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station,
                "role", "DEPUTY_HEAD", "startsOn", "2026-03-01")).assertOk().string("assignWorker.assignment.id");
        admin.run("endAssignment", "input", Map.of("id", post, "version", 1, "endsOn", "2026-02-01"))
                .assertError("BAD_USER_INPUT", "input.endsOn");
        Result ended = admin.run("endAssignment", "input", Map.of("id", post, "version", 1, "endsOn", "2026-06-30")).assertOk();
        assertEquals(false, ended.get("endAssignment.assignment.current"));
        admin.run("endAssignment", "input", Map.of("id", post, "version", 1, "endsOn", "2026-07-30"))
                .assertError("CONFLICT", "input.version");
    }

    @Test
    void assignWorker_datesOutOfOrder_isBadInput() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", Fixtures.stationId(admin, "baihe"),
                "role", "HEAD", "startsOn", "2026-03-01", "endsOn", "2026-01-01")).assertError("BAD_USER_INPUT", "input.endsOn");
    }

    @Test
    void registerWorker_badInputNamesTheField() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        int before = admin.run("workers", "first", 1).assertOk().integer("workers.totalCount");
        Map<String, Map<String, Object>> cases = Map.of(
                "input.name", Map.of("name", ""),
                "input.certificateDate", Map.of("certificateLevel", "INTERMEDIATE", "certificateDate", TODAY.plusDays(1).toString()),
                "input.birthDate", Map.of("birthDate", "2020-01-01"),
                "input.phone", Map.of("phone", "call me"),
                "input.socialWorkYears", Map.of("socialWorkYears", -1),
                "input.idNumber", Map.of("idNumber", "12345"));
        cases.forEach((field, bad) -> {
            Map<String, Object> in = new HashMap<>(Map.of("name", "王五", "educationLevel", "COLLEGE"));
            in.putAll(bad);
            admin.run("registerWorker", "input", in).assertError("BAD_USER_INPUT", field);
        });
        admin.run("registerWorker", "input", Map.of("name", "王五", "educationLevel", "PHD"))
                .assertError("BAD_USER_INPUT", null);
        assertEquals(before, admin.run("workers", "first", 1).assertOk().integer("workers.totalCount"));
    }

    @Test
    void registerWorker_eachBadTextGetsOneReason() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Map<String, Map<String, Object>> cases = Map.of(
                "name must not be blank", Map.of("name", "  "),
                "name must be at most 100 characters", Map.of("name", "名".repeat(101)),
                "phone must not be blank", Map.of("phone", " "),
                "phone must be at most 20 characters", Map.of("phone", "1".repeat(21)),
                "phone may hold digits, spaces, '+' and '-' only", Map.of("phone", "1234"),
                "idNumber must be at most 18 characters", Map.of("idNumber", "1".repeat(19)),
                "idNumber must be an 18-character resident id number", Map.of("idNumber", "1".repeat(16) + "XX"),
                "communityWorkYears must be between 0.0 and 60.0", Map.of("communityWorkYears", 60.5));
        cases.forEach((message, bad) -> {
            Map<String, Object> in = new HashMap<>(Map.of("name", "王五", "educationLevel", "COLLEGE"));
            in.putAll(bad);
            Result r = admin.run("registerWorker", "input", in)
                    .assertError("BAD_USER_INPUT", "input." + bad.keySet().iterator().next());
            assertEquals(message, r.errorMessage());
        });
    }

    @Test
    void updateWorker_staleVersionIsConflict() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        admin.run("updateWorker", "input", Map.of("id", worker, "version", 1, "certificateLevel", "INTERMEDIATE",
                "certificateDate", "2024-06-01")).assertOk();
        admin.run("updateWorker", "input", Map.of("id", worker, "version", 1, "name", "李静静"))
                .assertError("CONFLICT", "input.version");
    }

    @Test
    void registerAndUpdateWorker_answerTheWorkerAsALaterReadShowsIt() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Result registered = admin.run("registerWorkerAsStored", "input", Map.of("name", "时间戳",
                "educationLevel", "COLLEGE", "socialWorkYears", 4.55, "communityWorkYears", 2.25)).assertOk();
        String worker = registered.string("registerWorker.worker.id");
        Result read = admin.run("workerAsStored", "id", worker).assertOk();
        assertEquals(read.<Map<String, Object>>get("node"), registered.get("registerWorker.worker"));
        Result updated = admin.run("updateWorkerAsStored", "input", Map.of("id", worker, "version", 1,
                "name", "时间戳二", "socialWorkYears", 6.05)).assertOk();
        Result reread = admin.run("workerAsStored", "id", worker).assertOk();
        assertEquals(2, reread.integer("node.version"));
        assertEquals(reread.<Map<String, Object>>get("node"), updated.get("updateWorker.worker"));
    }

    @Test
    void addTrainingRecord_addsHoursToTheWorker() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        Result r = admin.run("addTrainingRecord", "input", Map.of("workerId", worker, "topic", "社会工作实务",
                "provider", "威海市社会工作协会", "hours", 40, "completedOn", "2025-05-10")).assertOk();
        assertEquals(40.0, ((Number) r.get("addTrainingRecord.worker.trainingHours")).doubleValue());
        admin.run("addTrainingRecord", "input", Map.of("workerId", worker, "topic", "x", "provider", "y",
                "hours", 0, "completedOn", "2025-05-10")).assertError("BAD_USER_INPUT", "input.hours");
    }

    @Test
    void personalFields_visibleToTenantAdminOnly() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String worker = register(admin, Map.of());
        Result forAdmin = admin.run("workerPersonal", "id", worker).assertOk();
        assertEquals("1990-05-01", forAdmin.string("node.birthDate"));
        Result forViewer = as("qingpu", "VIEWER").run("workerPersonal", "id", worker);
        forViewer.assertError("FORBIDDEN", null);
        assertEquals("李静", forViewer.string("node.name"));
        forViewer.assertNullAt("node.birthDate");
    }

    @Test
    void operator_editsWorkersOfItsStationsOnly() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Client operator = as("qingpu", "STATION_OPERATOR");
        String mine = register(admin, Map.of());
        String other = register(admin, Map.of());
        admin.run("assignWorker", "input", Map.of("workerId", mine, "stationId", Fixtures.stationId(admin, "xujing"),
                "role", "SOCIAL_WORKER", "startsOn", "2026-01-01")).assertOk();
        admin.run("assignWorker", "input", Map.of("workerId", other, "stationId", Fixtures.stationId(admin, "baihe"),
                "role", "SOCIAL_WORKER", "startsOn", "2026-01-01")).assertOk();
        operator.run("updateWorker", "input", Map.of("id", mine, "version", 1, "lastRecordCheckOn", "2026-11-01")).assertOk();
        operator.run("updateWorker", "input", Map.of("id", other, "version", 1, "lastRecordCheckOn", "2026-11-01"))
                .assertError("FORBIDDEN", null);
        operator.run("assignWorker", "input", Map.of("workerId", other, "stationId", Fixtures.stationId(admin, "baihe"),
                "role", "HEAD", "startsOn", "2026-12-01")).assertError("FORBIDDEN", null);
    }

    @Test
    void workers_pageByNameWithCursors() {
        Client viewer = as("wuhan", "VIEWER");
        Result first = viewer.run("workers", "first", 10).assertOk();
        String cursor = first.string("workers.pageInfo.endCursor");
        Result second = viewer.run("workers", "first", 10, "after", cursor).assertOk();
        String lastOfFirst = (String) Fixtures.node(((List<Map<String, Object>>) first.get("workers.edges")).getLast()).get("name");
        String firstOfSecond = (String) Fixtures.node(((List<Map<String, Object>>) second.get("workers.edges")).getFirst()).get("name");
        assertTrue(lastOfFirst.compareTo(firstOfSecond) <= 0);
        viewer.run("workers", "first", 10, "after", "garbage!").assertError("BAD_USER_INPUT", "after");
    }
}
