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
            // no plan yet is a reminder, not a shortfall in any slot, whatever the model's own weight
            return List.of(new Finding("service_plan", m.basis().severity() == Severity.INFO ? Severity.INFO : Severity.ADVISORY,
                    "没有" + year + "年度服务计划（" + m.labelZh() + "）", "no service plan for " + year + " (" + m.labelEn() + ")",
                    m.source(), m.basis().wording(), m.basis().bureauSetting(), stationId, List.of(), false));
        }
        List<Finding> findings = new ArrayList<>();
        for (Catalogue.Slot slot : m.slots()) {
            long n = plan.projects().stream().filter(p -> p.slot().equals(slot.code())).count();
            if (n < slot.minimum()) {
                findings.add(Finding.of("service_plan_" + slot.code(), m.basis(),
                        year + "年度计划中“" + slot.labelZh() + "”有" + n + "个项目，至少需要" + slot.minimum() + "个",
                        "the " + year + " plan has " + ComplianceEngine.count((int) n, "projects") + " in '" + slot.labelEn()
                                + "'; needs at least " + slot.minimum(),
                        stationId, List.of()));
            }
            if (slot.eachItem()) {
                // three projects of one item are not the three items the slot names
                for (Catalogue.Item item : slot.items()) {
                    boolean planned = plan.projects().stream()
                            .anyMatch(p -> p.slot().equals(slot.code()) && item.code().equals(p.item()));
                    if (!planned) {
                        findings.add(Finding.of("service_plan_" + slot.code() + "_" + item.code(), m.basis(),
                                year + "年度计划中“" + slot.labelZh() + "”缺少“" + item.labelZh() + "”项目",
                                "the " + year + " plan has no '" + item.labelEn() + "' project in '" + slot.labelEn() + "'",
                                stationId, List.of()));
                    }
                }
            }
            if (slot.maximum() != null && n > slot.maximum()) {
                findings.add(Finding.of("service_plan_" + slot.code(), m.basis(),
                        year + "年度计划中“" + slot.labelZh() + "”有" + n + "个项目，最多" + slot.maximum() + "个",
                        "the " + year + " plan has " + ComplianceEngine.count((int) n, "projects") + " in '" + slot.labelEn()
                                + "'; allows at most " + slot.maximum(),
                        stationId, List.of()));
            }
        }
        excludedByKeyword(catalogue, plan, year, stationId, findings);
        return findings;
    }

    /**
     * A project whose free text names an excluded activity's keyword. The keywords are the
     * bureau's reading, not the document's words, and a title can mislead: the finding advises a
     * look, it does not declare a violation.
     */
    private static void excludedByKeyword(Catalogue catalogue, ServicePlan plan, int year, UUID stationId,
                                          List<Finding> findings) {
        for (ServicePlan.Project p : plan.projects()) {
            String text = p.name() + " " + (p.description() == null ? "" : p.description());
            for (Catalogue.Item excluded : catalogue.excluded()) {
                excluded.keywords().stream().filter(text::contains).findFirst().ifPresent(k ->
                        findings.add(new Finding("service_plan_excluded_" + excluded.code(), Severity.ADVISORY,
                                year + "年度计划项目“" + p.name() + "”含“" + k + "”，可能属于不应纳入的“" + excluded.labelZh()
                                        + "”（关键词由本局设定）",
                                "the " + year + " project '" + p.name() + "' mentions '" + k + "' and may be an excluded activity ("
                                        + (excluded.labelEn() == null ? excluded.labelZh() : excluded.labelEn())
                                        + "; the keywords are the bureau's own setting)",
                                null, null, true, stationId, List.of(), false)));
            }
        }
    }
}
