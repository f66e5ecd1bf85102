package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;

import java.util.List;

/** How a worker stands against one qualification rule: which alternative holds, or why none does. */
public record Qualification(String rule, String labelZh, String labelEn, Severity severity, String source,
                            boolean satisfied, String satisfiedBy, List<AlternativeResult> alternatives,
                            String evaluationError) {

    /** Neither met nor failed: a condition that decides it could not be evaluated. */
    public boolean unevaluated() {
        return !satisfied && evaluationError != null;
    }

    public record AlternativeResult(String code, String labelZh, String labelEn, boolean satisfied,
                                    List<String> failingZh, List<String> failingEn) {
    }
}
