package io.shegong.compliance;

import io.shegong.catalogue.ServicePlan;
import io.shegong.policy.Catalogue;
import io.shegong.policy.PolicyDocument.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Checks a station's plan for a year against the catalogue model its kind plans to. */
public final class PlanCheck {
    private PlanCheck() {
    }

    public static List<Finding> check(Catalogue catalogue, String kind, ServicePlan plan, int year, UUID stationId) {
        Optional<Catalogue.Model> model = catalogue.modelFor(kind);
        if (model.isEmpty()) {
            return List.of();
        }
        Catalogue.Model m = model.get();
        if (plan == null) {
            return List.of(new Finding("service_plan", Severity.ADVISORY,
                    "没有" + year + "年度服务计划（" + m.labelZh() + "）", "no service plan for " + year + " (" + m.labelEn() + ")",
                    m.source(), stationId, List.of()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Catalogue.Slot slot : m.slots()) {
            long n = plan.projects().stream().filter(p -> p.slot().equals(slot.code())).count();
            if (n < slot.minimum()) {
                findings.add(new Finding("service_plan_" + slot.code(), Severity.VIOLATION,
                        year + "年度计划中“" + slot.labelZh() + "”有" + n + "个项目，至少需要" + slot.minimum() + "个",
                        "the " + year + " plan has " + n + " project(s) in '" + slot.labelEn() + "'; needs at least " + slot.minimum(),
                        m.source(), stationId, List.of()));
            }
            if (slot.maximum() != null && n > slot.maximum()) {
                findings.add(new Finding("service_plan_" + slot.code(), Severity.VIOLATION,
                        year + "年度计划中“" + slot.labelZh() + "”有" + n + "个项目，最多" + slot.maximum() + "个",
                        "the " + year + " plan has " + n + " project(s) in '" + slot.labelEn() + "'; allows at most " + slot.maximum(),
                        m.source(), stationId, List.of()));
            }
        }
        return findings;
    }
}
