package io.shegong.policy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `checkPolicyConditions` answers what saving a draft would say of each condition, without a
 * draft and without writing: the policy editor asks it while the administrator types.
 */
@MicronautTest(transactional = false)
class ConditionCheckTest extends GraphQLTestBase {

    @Test
    void checkPolicyConditions_validConditions_answerValidAndTheNamesTheyMayUse() {
        Result r = as("wuhan", "TENANT_ADMIN").run("checkPolicyConditions", "conditions",
                List.of("certificateRank >= 2 && age <= 45", "trainingHoursWithin(trainings, 5) >= 120.0")).assertOk();
        List<Map<String, Object>> results = r.get("checkPolicyConditions.results");
        assertEquals(2, results.size());
        for (Map<String, Object> result : results) {
            assertEquals(true, result.get("valid"), r.raw());
            assertNull(result.get("line"));
            assertNull(result.get("messageZh"));
        }
        List<Map<String, Object>> names = r.get("checkPolicyConditions.names");
        assertTrue(names.stream().anyMatch(n -> n.get("name").equals("certificateRank") && n.get("kind").equals("VARIABLE")
                && n.get("type").equals("int")), r.raw());
        assertTrue(names.stream().anyMatch(n -> n.get("name").equals("trainingHoursWithin") && n.get("kind").equals("FUNCTION")), r.raw());
    }

    @Test
    void checkPolicyConditions_faultyConditions_answerTheMessageAndPlaceAsSavingWould() {
        Result r = as("wuhan", "TENANT_ADMIN").run("checkPolicyConditions", "conditions",
                List.of("age >= 18", "certificateRank >= ", "salary > 3000", "certificateRank + 1")).assertOk();
        List<Map<String, Object>> results = r.get("checkPolicyConditions.results");
        assertEquals(List.of(true, false, false, false), results.stream().map(x -> x.get("valid")).toList(), r.raw());
        Map<String, Object> incomplete = results.get(1);
        assertEquals(1, incomplete.get("line"));
        assertTrue(((Number) incomplete.get("column")).intValue() >= 18, r.raw());
        assertEquals("表达式不完整", incomplete.get("messageZh"));
        Map<String, Object> unknown = results.get(2);
        assertEquals(1, unknown.get("column"));
        assertTrue(((String) unknown.get("messageZh")).contains("“salary”不是可用的变量或函数"), r.raw());
        assertTrue(((String) unknown.get("messageEn")).contains("'salary' is not a known variable"), r.raw());
        assertTrue(((String) results.get(3).get("messageEn")).contains("must be a condition (true or false)"), r.raw());
    }

    @Test
    void checkPolicyConditions_tooMany_isBadUserInput() {
        as("wuhan", "TENANT_ADMIN").run("checkPolicyConditions", "conditions", Collections.nCopies(101, "age > 1"))
                .assertError("BAD_USER_INPUT", "conditions");
    }

    @Test
    void checkPolicyConditions_otherRoles_areForbidden() {
        for (String role : List.of("STATION_OPERATOR", "SUPERVISOR", "VIEWER")) {
            Result r = as("wuhan", role).run("checkPolicyConditions", "conditions", List.of("age > 18"));
            r.assertError("FORBIDDEN", null);
            r.assertNullAt("checkPolicyConditions");
        }
        platformAdmin().run("checkPolicyConditions", "conditions", List.of("age > 18")).assertError("FORBIDDEN", null);
    }
}
