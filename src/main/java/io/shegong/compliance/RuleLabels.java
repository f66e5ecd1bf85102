package io.shegong.compliance;

import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.Milestone;
import io.shegong.policy.PolicyDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's rule by name, for counts by rule that a person reads: the profile's own labels for
 * its rules, and the service's names for its own checks. An unknown code is shown as written.
 */
final class RuleLabels {
    private static final Map<String, String[]> SERVICE = Map.of(
            "naming", new String[]{"站点命名", "Station naming"},
            "required_rooms", new String[]{"功能室", "Required rooms"},
            "required_rules", new String[]{"制度", "Required rules"},
            "service_plan", new String[]{"年度服务计划", "Annual service plan"},
            "no_profile", new String[]{"无生效的政策配置", "No profile in force"},
            "not_checked", new String[]{"不在检查范围", "Not checked"},
            "kind_not_in_profile", new String[]{"站点类型不在政策配置中", "Station kind not in the profile"},
            "supervision_rectification", new String[]{"督导整改逾期", "Overdue supervision rectification"});

    private final Map<String, String[]> labels = new HashMap<>();

    RuleLabels(CompiledPolicy policy) {
        if (policy == null) {
            return;
        }
        PolicyDocument d = policy.document();
        for (PolicyDocument.StaffingRule r : d.staffingRules()) {
            labels.put(r.code(), new String[]{r.labelZh(), r.labelEn()});
        }
        d.qualificationRules().forEach(r -> labels.put(r.code(), new String[]{r.labelZh(), r.labelEn()}));
        d.recordChecks().forEach(r -> labels.put(r.code(), new String[]{r.labelZh(), r.labelEn()}));
        d.yearlyMinimums().forEach(r -> labels.put(r.code(), new String[]{r.labelZh(), r.labelEn()}));
        for (Milestone m : policy.milestones()) {
            labels.put(m.code(), new String[]{m.labelZh(), m.labelEn()});
        }
    }

    /** The rule's name in Chinese and English. */
    String[] of(String rule) {
        String[] own = labels.get(rule);
        if (own != null) {
            return own;
        }
        String[] service = SERVICE.get(rule);
        if (service != null) {
            return service;
        }
        // a staffing rule's post (`<rule>_<role>`) and a plan's slot (`service_plan_<slot>`) go by their rule
        for (String prefix : List.copyOf(labels.keySet())) {
            if (rule.startsWith(prefix + "_")) {
                String[] base = labels.get(prefix);
                return new String[]{base[0] + "（岗位）", base[1] + " (posts)"};
            }
        }
        if (rule.startsWith("service_plan_")) {
            return SERVICE.get("service_plan");
        }
        return new String[]{rule, rule};
    }
}
