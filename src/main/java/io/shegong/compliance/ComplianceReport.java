package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyProfile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's compliance on a date: totals, counts by rule, kind and division, stations worst
 * first; `snapshot` names this evaluation, for its cursors.
 */
public record ComplianceReport(String snapshot, LocalDate on, Filter filter, PolicyProfile profile, Totals totals, List<RuleCount> byRule,
                               List<GroupCount> byKind, List<GroupCount> byDivision, List<StationCompliance> rows) {

    /** Which stations the report covers; each field is optional. */
    public record Filter(String kind, UUID divisionId, Severity severity) {
    }

    public record Totals(int stations, int compliant, int violations, int advisories, int unevaluated, int undetermined) {
    }

    public record RuleCount(String rule, String labelZh, String labelEn, String severity, String source, int findings,
                            int stations) {
    }

    /** `key` is a kind code or a division id. */
    public record GroupCount(String key, UUID divisionId, int stations, int compliant, int violations, int advisories) {
    }
}
