package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A create sent again with the same key answers the first result and writes nothing. */
@MicronautTest(transactional = false)
class IdempotencyTest extends GraphQLTestBase {

    private static int count(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Sends the same request 20 times at once; answers the distinct ids it got back. */
    private Set<String> twentyAtOnce(Callable<Result> request, String idPath) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Result>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(pool.submit(request));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : all) {
                results.add(f.get().assertOk());
            }
            return results.stream().map(r -> r.string(idPath)).collect(Collectors.toSet());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twentyParallelRegisterWorker_withOneKey_createOneWorker() throws Exception {
        Client admin = as("weihai", "TENANT_ADMIN");
        String name = Fixtures.unique("重试");
        Map<String, Object> input = Map.of("name", name, "educationLevel", "COLLEGE", "idempotencyKey", UUID.randomUUID().toString());
        Set<String> ids = twentyAtOnce(() -> admin.run("registerWorker", "input", input), "registerWorker.worker.id");
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(1, count("SELECT count(*) FROM social_worker WHERE name = ?", name));
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'registerWorker' AND after->>'name' = ?", name));
    }

    @Test
    void twentyParallelSupervisionVisitsAndTrainingRecords_withOneKeyEach_createOneEach() throws Exception {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "huancuilou");
        String findings = Fixtures.unique("督导");
        Map<String, Object> visit = Map.of("stationId", station, "visitedOn", "2026-01-05", "supervisor", "王督导",
                "findings", findings, "idempotencyKey", UUID.randomUUID().toString());
        assertEquals(1, twentyAtOnce(() -> as("weihai", "SUPERVISOR").run("recordSupervisionVisit", "input", visit),
                "recordSupervisionVisit.visit.id").size());
        assertEquals(1, count("SELECT count(*) FROM supervision_visit WHERE findings = ?", findings));

        String worker = admin.run("registerWorker", "input", Map.of("name", "赵培训", "educationLevel", "COLLEGE"))
                .assertOk().string("registerWorker.worker.id");
        String topic = Fixtures.unique("培训");
        Map<String, Object> training = Map.of("workerId", worker, "topic", topic, "provider", "威海市民政局",
                "hours", 8, "completedOn", "2026-01-10", "idempotencyKey", UUID.randomUUID().toString());
        Set<String> ids = twentyAtOnce(() -> admin.run("addTrainingRecord", "input", training),
                "addTrainingRecord.trainingRecord.id");
        assertEquals(1, ids.size());
        assertEquals(1, count("SELECT count(*) FROM training_record WHERE topic = ?", topic));
        Result again = admin.run("addTrainingRecord", "input", training).assertOk();
        assertEquals(worker, again.string("addTrainingRecord.worker.id"));
        assertEquals(8, again.integer("addTrainingRecord.worker.trainingHours"));
    }

    @Test
    void sameKeyWithAnotherInput_isConflict() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String key = UUID.randomUUID().toString();
        admin.run("registerWorker", "input", Map.of("name", "钱一", "educationLevel", "COLLEGE", "idempotencyKey", key)).assertOk();
        admin.run("registerWorker", "input", Map.of("name", "钱二", "educationLevel", "COLLEGE", "idempotencyKey", key))
                .assertError("CONFLICT", "input.idempotencyKey");
    }

    @Test
    void sameKeyInAnotherTenant_isAnotherKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("跨区");
        Map<String, Object> input = Map.of("name", name, "educationLevel", "COLLEGE", "idempotencyKey", key);
        String a = as("weihai", "TENANT_ADMIN").run("registerWorker", "input", input).assertOk().string("registerWorker.worker.id");
        String b = as("wuhan", "TENANT_ADMIN").run("registerWorker", "input", input).assertOk().string("registerWorker.worker.id");
        assertEquals(2, Set.of(a, b).size());
        assertEquals(2, count("SELECT count(*) FROM social_worker WHERE name = ?", name));
    }

    @Test
    void failedCreate_releasesItsKeyForTheRetry() {
        Client admin = as("weihai", "TENANT_ADMIN");
        Map<String, Object> input = new HashMap<>(Map.of("name", "孙重试", "educationLevel", "COLLEGE",
                "certificateLevel", "ASSISTANT", "idempotencyKey", UUID.randomUUID().toString()));
        admin.run("registerWorker", "input", input).assertError("BAD_USER_INPUT", "input.certificateDate");
        input.put("certificateDate", "2024-06-01");
        // another input under the same key is a conflict only once the key stands for a result
        admin.run("registerWorker", "input", input).assertOk();
    }

    @Test
    void keyOlderThan24Hours_isANewKey() throws Exception {
        Client admin = as("weihai", "TENANT_ADMIN");
        String key = UUID.randomUUID().toString();
        String name = Fixtures.unique("过期");
        Map<String, Object> input = Map.of("name", name, "educationLevel", "COLLEGE", "idempotencyKey", key);
        admin.run("registerWorker", "input", input).assertOk();
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_key SET created_at = created_at - interval '25 hours' WHERE key = ?")) {
            ps.setString(1, key);
            assertEquals(1, ps.executeUpdate());
        }
        admin.run("registerWorker", "input", input).assertOk();
        assertEquals(2, count("SELECT count(*) FROM social_worker WHERE name = ?", name));
    }
}
