package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void tenant_showsItsTimeZoneAndToday_andTodayFollowsIt() {
        assertEquals("Asia/Shanghai", as("wuhan", "VIEWER").run("viewer").assertOk().string("viewer.tenant.timeZone"));
        assertEquals("2026-11-26", as("wuhan", "VIEWER").run("viewer").assertOk().string("viewer.tenant.today"));
        String code = Fixtures.unique("t").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "时区测试局", "nameEn", "Zone Bureau",
                "level", "CITY", "region", "测试", "timeZone", "UTC")).assertOk();
        assertEquals("UTC", as(code, "VIEWER").run("viewer").assertOk().string("viewer.tenant.timeZone"));
        assertEquals("2026-11-25", as(code, "VIEWER").run("viewer").assertOk().string("viewer.tenant.today"));
        // at 23:30 UTC it is still the 25th there
        as(code, "TENANT_ADMIN").run("registerWorker", "input", Map.of("name", "时区测试", "educationLevel", "BACHELOR",
                "certificateLevel", "ASSISTANT", "certificateDate", "2026-11-26")).assertError("BAD_USER_INPUT", "input.certificateDate");
        platformAdmin().run("createTenant", "input", Map.of("code", code + "x", "nameZh", "时区测试局", "nameEn", "Zone Bureau",
                "level", "CITY", "region", "测试", "timeZone", "Mars/Olympus")).assertError("BAD_USER_INPUT", "input.timeZone");
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
