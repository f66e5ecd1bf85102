package io.shegong.contract;

import io.shegong.core.db.Ids;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads a demo bureau's operators (`operators`) and service contracts (`serviceContracts`) from
 * its demo document, within the bureau's own session, after its divisions, stations and workers:
 * they are named there by code (divisions, stations) or by name (an operator's `staff`).
 */
@Singleton
public class ContractDemo {
    private final OperatorRepository operators;
    private final ContractRepository contracts;
    private final ContractPartsRepository tranches;
    private final ContractDeliverableRepository deliverables;
    private final ContractReportRepository reports;
    private final ContractEvaluationRepository evaluations;

    public ContractDemo(OperatorRepository operators, ContractRepository contracts, ContractPartsRepository tranches,
                        ContractDeliverableRepository deliverables, ContractReportRepository reports,
                        ContractEvaluationRepository evaluations) {
        this.operators = operators;
        this.contracts = contracts;
        this.tranches = tranches;
        this.deliverables = deliverables;
        this.reports = reports;
        this.evaluations = evaluations;
    }

    @SuppressWarnings("unchecked")
    public void load(Map<String, Object> doc, Map<String, UUID> divisionIds, Map<String, UUID> stationIds,
                     Map<String, UUID> workerIds) {
        Map<String, UUID> operatorIds = new HashMap<>();
        for (Map<String, Object> o : list(doc, "operators")) {
            Operator saved = operators.save(new Operator(UUID.randomUUID(), (String) o.get("name"),
                    CreditCode.check((String) o.get("creditCode"), "demo creditCode"), (String) o.get("registrationAuthority"),
                    date(o.get("registeredOn")), (String) o.get("legalRepresentative"), (String) o.get("contactPerson"),
                    (String) o.get("contactPhone"), Operator.Status.ACTIVE.name(), 1, "demo", null));
            operatorIds.put((String) o.get("key"), saved.id());
            for (Object name : (List<Object>) o.getOrDefault("staff", List.of())) {
                operators.setEmployer(required(workerIds, name, "worker"), saved.id().toString());
            }
        }
        for (Map<String, Object> c : list(doc, "serviceContracts")) {
            LocalDate signedOn = date(c.get("signedOn"));
            Contract contract = contracts.save(new Contract(UUID.randomUUID(), (String) c.get("code"), (String) c.get("title"),
                    required(divisionIds, c.get("purchaser"), "division"), required(divisionIds, c.get("landingParty"), "division"),
                    required(operatorIds, c.get("operator"), "operator"), date(c.get("startsOn")), date(c.get("endsOn")),
                    Money.parse((String) c.get("price"), "demo price"), signedOn == null ? "DRAFT" : "SIGNED", signedOn,
                    null, null, null, null, (String) c.get("takeoverPlan"),
                    ((List<Object>) c.getOrDefault("documents", List.of())).stream().map(String::valueOf).toList(), 1, "demo", null));
            List<UUID> served = ((List<Object>) c.get("stations")).stream().map(s -> required(stationIds, s, "station")).toList();
            contracts.addStations(contract.id(), Ids.array(served));
            int position = 0;
            for (Map<String, Object> t : (List<Map<String, Object>>) c.getOrDefault("tranches", List.of())) {
                tranches.save(new ContractTranche(UUID.randomUUID(), contract.id(), ++position, date(t.get("dueOn")),
                        Money.parse((String) t.get("amount"), "demo amount"), (String) t.get("condition")));
            }
            position = 0;
            for (Map<String, Object> d : (List<Map<String, Object>>) c.getOrDefault("deliverables", List.of())) {
                deliverables.insert(contract.id(), ++position, (String) d.get("description"), (Integer) d.get("quantity"),
                        (String) d.get("unit"), (String) d.get("standard"), (String) d.get("slot"));
            }
            for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("evaluations", List.of())) {
                evaluations.save(new ContractEvaluation(UUID.randomUUID(), contract.id(), (Integer) e.get("year"),
                        (String) e.get("kind"), (String) e.get("evaluator"), date(e.get("evaluatedOn")),
                        e.get("score") == null ? null : new BigDecimal((String) e.get("score")), (String) e.get("grade"),
                        (String) e.get("note"), List.of(), "demo", null));
            }
            for (Map<String, Object> r : (List<Map<String, Object>>) c.getOrDefault("reports", List.of())) {
                reports.save(new ContractReport(UUID.randomUUID(), contract.id(), (String) r.get("kind"), date(r.get("periodStart")),
                        date(r.get("periodEnd")), (String) r.get("body"), date(r.get("submittedOn")), date(r.get("acceptedOn")),
                        1, "demo", null));
            }
        }
    }

    private static UUID required(Map<String, UUID> ids, Object key, String what) {
        UUID id = ids.get(String.valueOf(key));
        if (id == null) {
            throw new IllegalStateException("demo contracts name no " + what + " '" + key + "'");
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.getOrDefault(key, List.of());
    }

    /** An ISO date of the demo document, which is read with its YAML dates as strings. */
    private static LocalDate date(Object v) {
        return v == null ? null : LocalDate.parse(v.toString());
    }
}
