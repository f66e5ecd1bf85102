package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** "Today" is the bureau's date in its own time zone, read from the service's one clock. */
@MicronautTest(transactional = false)
class BureauClockTest extends GraphQLTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(super.getProperties());
        // 23:30 UTC is already 07:30 the next morning in Beijing
        p.put("test.clock", "2026-11-25T23:30:00Z");
        return p;
    }

    @Test
    void at2330Utc_theNextBeijingDayIsToday_andTheDayAfterIsStillTheFuture() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        admin.run("registerWorker", "input", Map.of("name", "时区测试", "educationLevel", "BACHELOR",
                "certificateLevel", "ASSISTANT", "certificateDate", "2026-11-26")).assertOk();
        admin.run("registerWorker", "input", Map.of("name", "时区测试", "educationLevel", "BACHELOR",
                "certificateLevel", "ASSISTANT", "certificateDate", "2026-11-27")).assertError("BAD_USER_INPUT", "input.certificateDate");
    }
}
