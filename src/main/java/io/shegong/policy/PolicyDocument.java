package io.shegong.policy;

import java.util.List;
import java.util.Map;

/**
 * A bureau's policy profile, as its administrators write it: station kinds, staffing rules,
 * qualification rules and record checks, each with the source in the bureau's own document.
 * Catalogue, funding, contract and calendar sections are kept as given for later use.
 */
public record PolicyDocument(List<Kind> stationKinds, List<StaffingRule> staffingRules,
                             List<QualificationRule> qualificationRules, List<RecordCheck> recordChecks,
                             Map<String, Object> raw) {

    public enum Severity { VIOLATION, ADVISORY, INFO }

    public record Kind(String code, String labelZh, String labelEn, String level, List<String> parentKinds,
                       boolean requiresDomain, String namingTemplate, List<String> requiredRooms,
                       List<String> requiredRules, String staffingRule, String source) {
    }

    /** A number a station must reach, fixed or taken from an attribute of its division. */
    public record Amount(Integer fixed, String attribute, List<Bracket> brackets, Map<String, Integer> cases) {
    }

    /** `from` to `to` inclusive; an open end is null. */
    public record Bracket(Integer from, Integer to, int value) {
        public boolean contains(int n) {
            return (from == null || n >= from) && (to == null || n <= to);
        }
    }

    public record RoleRequirement(String role, int minimum, Integer whenStaffAtLeast) {
    }

    public record StaffingRule(String code, String labelZh, String labelEn, String source, Severity severity,
                               String counts, String countLabelZh, String countLabelEn, Amount minimum,
                               Amount maximum, List<RoleRequirement> requiredRoles) {
    }

    public record Condition(String labelZh, String labelEn, String expression) {
    }

    public record Alternative(String code, String labelZh, String labelEn, List<Condition> conditions) {
    }

    public record QualificationRule(String code, String labelZh, String labelEn, String source, Severity severity,
                                    List<String> kinds, List<String> roles, List<Alternative> alternatives) {
        public boolean appliesTo(String kind, String role) {
            return (kinds.isEmpty() || kinds.contains(kind)) && (roles.isEmpty() || roles.contains(role));
        }
    }

    public record RecordCheck(String code, String labelZh, String labelEn, String source, Severity severity,
                              String check, int maxAgeMonths) {
    }

    public Kind kind(String code) {
        return stationKinds.stream().filter(k -> k.code().equals(code)).findFirst().orElse(null);
    }

    public StaffingRule staffingRule(String code) {
        return staffingRules.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }
}
