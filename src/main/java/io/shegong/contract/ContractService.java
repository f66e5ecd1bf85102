package io.shegong.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.audit.AuditLog;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.Catalogue;
import io.shegong.policy.ContractRules;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Operators, their contracts, the reports they submit and the evaluations of them. TENANT_ADMIN
 * registers operators and manages contracts; SUPERVISOR (or TENANT_ADMIN) records evaluations; a
 * STATION_OPERATOR granted one of a contract's stations submits its reports, which TENANT_ADMIN
 * accepts. Every tenant role reads them, except a contract's price and payment tranches, which
 * only TENANT_ADMIN, SUPERVISOR and VIEWER see ({@link #seesMoney}).
 */
@Singleton
public class ContractService {
    private final OperatorRepository operators;
    private final ContractRepository contracts;
    private final ContractPartsRepository tranches;
    private final ContractDeliverableRepository deliverables;
    private final ContractReportRepository reports;
    private final ContractEvaluationRepository evaluations;
    private final DivisionRepository divisions;
    private final StationRepository stations;
    private final StationAccess access;
    private final PolicyService policies;
    private final PolicyRepository profiles;
    private final BureauCalendar calendar;
    private final AuditLog audit;

    public ContractService(OperatorRepository operators, ContractRepository contracts, ContractPartsRepository tranches,
                           ContractDeliverableRepository deliverables, ContractReportRepository reports,
                           ContractEvaluationRepository evaluations, DivisionRepository divisions, StationRepository stations,
                           StationAccess access, PolicyService policies, PolicyRepository profiles,
                           BureauCalendar calendar, AuditLog audit) {
        this.audit = audit;
        this.profiles = profiles;
        this.operators = operators;
        this.contracts = contracts;
        this.tranches = tranches;
        this.deliverables = deliverables;
        this.reports = reports;
        this.evaluations = evaluations;
        this.divisions = divisions;
        this.stations = stations;
        this.access = access;
        this.policies = policies;
        this.calendar = calendar;
    }

    /**
     * Whether the caller sees what the bureau pays: its administrators, supervisors and viewers do;
     * an operator's own staff (STATION_OPERATOR alone) do not, since the price is the bureau's
     * negotiating position with every operator, not only theirs.
     */
    public static boolean seesMoney(Caller caller) {
        return caller.has(Role.TENANT_ADMIN) || caller.has(Role.SUPERVISOR) || caller.has(Role.VIEWER);
    }

    // ---- operators ----

    @Introspected
    public record RegisterOperator(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String creditCode,
            @Nullable @Size(max = 200) String registrationAuthority,
            @Nullable LocalDate registeredOn,
            @Nullable @Size(max = 100) String legalRepresentative,
            @Nullable @Size(max = 100) String contactPerson,
            @Nullable @Size(max = 40) String contactPhone) {
    }

    /** Only the fields sent change; the credit code is checked again when sent. */
    @Introspected
    public record UpdateOperator(
            @NotNull @NodeId("Operator") UUID id,
            int version,
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Size(max = 40) String creditCode,
            @Nullable @Size(max = 200) String registrationAuthority,
            @Nullable LocalDate registeredOn,
            @Nullable @Size(max = 100) String legalRepresentative,
            @Nullable @Size(max = 100) String contactPerson,
            @Nullable @Size(max = 40) String contactPhone,
            @Nullable Operator.Status status,
            Set<String> sent) {
    }

    /** A worker's employer, or none (null operatorId) to clear it. */
    @Introspected
    public record SetWorkerEmployer(
            @NotNull @NodeId("SocialWorker") UUID id,
            @Nullable @NodeId("Operator") UUID operatorId) {
    }

    public List<Operator> operators(Caller caller) {
        caller.requireTenantMember();
        return operators.all();
    }

    public List<Contract> contracts(Caller caller) {
        caller.requireTenantMember();
        return contracts.all();
    }

    public Operator register(Caller caller, RegisterOperator c) {
        caller.requireTenantAdmin();
        String code = CreditCode.check(c.creditCode(), "input.creditCode");
        if (operators.existsByCreditCode(code)) {
            throw ApiException.badInput("input.creditCode", "an operator with this credit code is already registered");
        }
        requireNotFuture(c.registeredOn(), "input.registeredOn");
        return operators.save(new Operator(UUID.randomUUID(), c.name(), code, c.registrationAuthority(), c.registeredOn(),
                c.legalRepresentative(), c.contactPerson(), c.contactPhone(), Operator.Status.ACTIVE.name(), 1,
                caller.subject(), null));
    }

    public Operator update(Caller caller, UpdateOperator c) {
        caller.requireTenantAdmin();
        Operator o = operators.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Operator"));
        Set<String> sent = c.sent();
        String code = o.creditCode();
        if (sent.contains("creditCode") && c.creditCode() != null) {
            code = CreditCode.check(c.creditCode(), "input.creditCode");
            if (!code.equals(o.creditCode()) && operators.existsByCreditCode(code)) {
                throw ApiException.badInput("input.creditCode", "an operator with this credit code is already registered");
            }
        }
        if (sent.contains("name") && c.name() == null) {
            throw ApiException.badInput("input.name", "name must not be null");
        }
        requireNotFuture(c.registeredOn(), "input.registeredOn");
        Operator changed = new Operator(o.id(), pick(sent, "name", c.name(), o.name()), code,
                pick(sent, "registrationAuthority", c.registrationAuthority(), o.registrationAuthority()),
                pick(sent, "registeredOn", c.registeredOn(), o.registeredOn()),
                pick(sent, "legalRepresentative", c.legalRepresentative(), o.legalRepresentative()),
                pick(sent, "contactPerson", c.contactPerson(), o.contactPerson()),
                pick(sent, "contactPhone", c.contactPhone(), o.contactPhone()),
                c.status() != null ? c.status().name() : o.status(), c.version(), o.recordedBy(), o.recordedAt());
        try {
            return operators.update(changed);
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The operator was changed since version " + c.version());
        }
    }

    /** Records whom a worker works for; answers the operator now employing it (null when cleared). */
    public Operator setEmployer(Caller caller, SetWorkerEmployer c) {
        caller.requireTenantAdmin();
        Operator operator = c.operatorId() == null ? null : operators.findById(c.operatorId())
                .orElseThrow(() -> ApiException.badInput("input.operatorId", "operatorId is not an operator of this bureau"));
        UUID before = operators.employers(Ids.array(List.of(c.id()))).stream().map(Employment::operatorId).findFirst().orElse(null);
        if (operators.setEmployer(c.id(), c.operatorId() == null ? null : c.operatorId().toString()) == 0) {
            throw ApiException.notFound("input.id", "Social worker");
        }
        // the worker record does not carry its employer, so the audit is told what changed
        Map<String, Object> was = new HashMap<>();
        was.put("employerId", before);
        Map<String, Object> is = new HashMap<>();
        is.put("employerId", c.operatorId());
        audit.note("SocialWorker", c.id(), was, is);
        return operator;
    }

    // ---- contracts ----

    @Introspected
    public record TrancheInput(
            @NotNull LocalDate dueOn,
            @NotBlank @Size(max = 20) String amount,
            @Nullable @Size(max = 1000) String condition) {
    }

    @Introspected
    public record DeliverableInput(
            @NotBlank @Size(max = 1000) String description,
            @Min(0) @Max(10_000_000) int quantity,
            @NotBlank @Size(max = 20) String unit,
            @Nullable @Size(max = 2000) String standard,
            @Nullable @Size(max = 64) String slot) {
    }

    @Introspected
    public record CreateContract(
            @Nullable @Size(max = 100) String code,
            @NotBlank @Size(max = 200) String title,
            @NotNull @NodeId("Division") UUID purchaserId,
            @NotNull @NodeId("Division") UUID landingPartyId,
            @NotNull @NodeId("Operator") UUID operatorId,
            @NotNull @Size(min = 1, max = 50) @NodeId("Station") List<UUID> stationIds,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 20) String price,
            @Nullable @Size(max = 60) List<@Valid TrancheInput> tranches,
            @Nullable @Size(max = 60) List<@Valid DeliverableInput> deliverables,
            @Nullable @Size(max = 30) List<@NotBlank @Size(max = 500) String> documents,
            @Nullable @Size(max = 2000) String takeoverPlan) {
    }

    @Introspected
    public record SignContract(@NotNull @NodeId("Contract") UUID id, int version, @NotNull LocalDate signedOn) {
    }

    /** Ends a contract early (TERMINATED) or into a successor (RENEWED); expiry needs no act. */
    @Introspected
    public record EndContract(
            @NotNull @NodeId("Contract") UUID id,
            int version,
            @NotNull Contract.EndReason reason,
            @NotNull LocalDate endedOn,
            @Nullable @NodeId("Contract") UUID successorId,
            @Nullable @Size(max = 2000) String note) {
    }

    @Introspected
    public record SetTakeoverPlan(
            @NotNull @NodeId("Contract") UUID id,
            int version,
            @Nullable @Size(max = 2000) String takeoverPlan) {
    }

    /**
     * A draft's changes: only the fields sent change; tranches, deliverables and documents, when
     * sent, replace the draft's whole list.
     */
    @Introspected
    public record UpdateContract(
            @NotNull @NodeId("Contract") UUID id,
            int version,
            @Nullable @Size(max = 100) String code,
            @Nullable @Size(min = 1, max = 200) String title,
            @Nullable @NodeId("Division") UUID purchaserId,
            @Nullable @NodeId("Division") UUID landingPartyId,
            @Nullable @NodeId("Operator") UUID operatorId,
            @Nullable @Size(min = 1, max = 50) @NodeId("Station") List<UUID> stationIds,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable @Size(max = 20) String price,
            @Nullable @Size(max = 60) List<@Valid TrancheInput> tranches,
            @Nullable @Size(max = 60) List<@Valid DeliverableInput> deliverables,
            @Nullable @Size(max = 30) List<@NotBlank @Size(max = 500) String> documents,
            @Nullable @Size(max = 2000) String takeoverPlan,
            Set<String> sent) {
    }

    /** What validation makes of a contract's terms: the price and the tranches' amounts, exact. */
    private record Checked(BigDecimal price, List<BigDecimal> amounts) {
    }

    public Contract create(Caller caller, CreateContract c) {
        caller.requireTenantAdmin();
        Checked checked = check(c, ALL_FIELDS, true);
        Contract contract = contracts.save(new Contract(UUID.randomUUID(), c.code(), c.title(), c.purchaserId(),
                c.landingPartyId(), c.operatorId(), c.startsOn(), c.endsOn(), checked.price(), "DRAFT", null, null, null, null, null,
                blankToNull(c.takeoverPlan()), c.documents() == null ? List.of() : c.documents(), 1, caller.subject(), null));
        contracts.addStations(contract.id(), Ids.array(c.stationIds()));
        writeParts(contract.id(), c, checked);
        return contract;
    }

    /**
     * Changes a draft: what is sent is checked as `createContract` checks it, and what is kept is
     * checked again against what changed (the tranches against a new term or price); a term kept
     * as stored is not refused again under a profile changed since. A signed or ended contract is
     * not edited: its terms are what was signed.
     */
    public Contract updateDraft(Caller caller, UpdateContract u) {
        caller.requireTenantAdmin();
        Contract current = existing(u.id());
        if (!"DRAFT".equals(current.status())) {
            throw ApiException.badInput("input.id", "only a draft is edited; this contract is " + current.statusOn(calendar.today())
                    + " and its terms are what was signed");
        }
        Set<String> sent = u.sent();
        for (String required : List.of("title", "purchaserId", "landingPartyId", "operatorId", "stationIds", "startsOn",
                "endsOn", "price")) {
            if (sent.contains(required) && readField(u, required) == null) {
                throw ApiException.badInput("input." + required, required + " must not be null");
            }
        }
        List<TrancheInput> keptTranches = tranches.tranchesOf(Ids.array(List.of(current.id()))).stream()
                .map(t -> new TrancheInput(t.dueOn(), Money.text(t.amount()), t.condition())).toList();
        List<UUID> keptStations = contracts.stationsOf(Ids.array(List.of(current.id()))).stream()
                .map(ContractStation::stationId).toList();
        CreateContract merged = new CreateContract(pick(sent, "code", u.code(), current.code()),
                pick(sent, "title", u.title(), current.title()),
                pick(sent, "purchaserId", u.purchaserId(), current.purchaserDivisionId()),
                pick(sent, "landingPartyId", u.landingPartyId(), current.landingDivisionId()),
                pick(sent, "operatorId", u.operatorId(), current.operatorId()),
                pick(sent, "stationIds", u.stationIds(), keptStations),
                pick(sent, "startsOn", u.startsOn(), current.startsOn()),
                pick(sent, "endsOn", u.endsOn(), current.endsOn()),
                pick(sent, "price", u.price(), Money.text(current.price())),
                pick(sent, "tranches", u.tranches(), keptTranches),
                sent.contains("deliverables") ? u.deliverables() : null,
                pick(sent, "documents", u.documents(), current.documents()),
                pick(sent, "takeoverPlan", u.takeoverPlan(), current.takeoverPlan()));
        // what was checked when it was stored is not refused again (an operator since suspended, a
        // catalogue since changed): only what is sent, and the term and tranches, which move together
        Set<String> checkedFields = new HashSet<>(sent);
        checkedFields.addAll(List.of("startsOn", "endsOn", "tranches", "price"));
        Checked checked = check(merged, checkedFields, sent.contains("startsOn") || sent.contains("endsOn"));
        if (sent.contains("tranches") && tranches.paid(current.id())) {
            throw ApiException.badInput("input.tranches", "the ledger records payments on this draft's tranches; "
                    + "remove those entries before replacing the schedule");
        }
        Contract changed = write(new Contract(current.id(), merged.code(), merged.title(), merged.purchaserId(),
                merged.landingPartyId(), merged.operatorId(), merged.startsOn(), merged.endsOn(), checked.price(), "DRAFT",
                null, null, null, null, null, blankToNull(merged.takeoverPlan()),
                merged.documents() == null ? List.of() : merged.documents(), u.version(), current.recordedBy(),
                current.recordedAt()), u.version());
        if (sent.contains("stationIds")) {
            contracts.removeStations(current.id());
            contracts.addStations(current.id(), Ids.array(merged.stationIds()));
        }
        if (sent.contains("tranches")) {
            tranches.deleteOf(current.id());
        }
        if (sent.contains("deliverables")) {
            deliverables.deleteOf(current.id());
        }
        writeParts(current.id(), new CreateContract(merged.code(), merged.title(), merged.purchaserId(), merged.landingPartyId(),
                merged.operatorId(), merged.stationIds(), merged.startsOn(), merged.endsOn(), merged.price(),
                sent.contains("tranches") ? merged.tranches() : null, merged.deliverables(), merged.documents(),
                merged.takeoverPlan()), sent.contains("tranches") ? checked : new Checked(checked.price(), List.of()));
        return changed;
    }

    private static final Set<String> ALL_FIELDS = Set.of("purchaserId", "landingPartyId", "operatorId", "stationIds",
            "startsOn", "endsOn", "price", "tranches", "deliverables");

    private static Object readField(UpdateContract u, String field) {
        return switch (field) {
            case "title" -> u.title();
            case "purchaserId" -> u.purchaserId();
            case "landingPartyId" -> u.landingPartyId();
            case "operatorId" -> u.operatorId();
            case "stationIds" -> u.stationIds();
            case "startsOn" -> u.startsOn();
            case "endsOn" -> u.endsOn();
            default -> u.price();
        };
    }

    /**
     * The checks of a contract's terms, of the fields named: the term (and the profile's maximum
     * term where its words make it a VIOLATION), the price, the parties, the stations, the tranches
     * within the term and not above the price, the deliverables' catalogue slots.
     */
    private Checked check(CreateContract c, Set<String> fields, boolean newTerm) {
        if (c.endsOn().isBefore(c.startsOn())) {
            throw ApiException.badInput("input.endsOn", "endsOn must not be before startsOn, " + c.startsOn());
        }
        if (newTerm) {
            maxTerm(c.startsOn(), c.endsOn());
        }
        BigDecimal price = Money.parse(c.price(), "input.price");
        if (fields.contains("purchaserId")) {
            division(c.purchaserId(), "input.purchaserId", Set.of("CITY", "DISTRICT"),
                    "the purchaser is the bureau or one of its districts (a CITY or DISTRICT division)");
        }
        if (fields.contains("landingPartyId")) {
            division(c.landingPartyId(), "input.landingPartyId", Set.of("STREET"),
                    "the landing party is a street or town (a STREET division)");
        }
        if (fields.contains("operatorId")) {
            Operator operator = operators.findById(c.operatorId())
                    .orElseThrow(() -> ApiException.badInput("input.operatorId", "operatorId is not an operator of this bureau"));
            if (!Operator.Status.ACTIVE.name().equals(operator.status())) {
                throw ApiException.badInput("input.operatorId", "the operator is " + operator.status() + "; only an ACTIVE one takes a contract");
            }
        }
        if (fields.contains("stationIds")) {
            Set<UUID> found = new HashSet<>(stations.byIds(Ids.array(c.stationIds())).stream().map(s -> s.id()).toList());
            for (int i = 0; i < c.stationIds().size(); i++) {
                if (!found.contains(c.stationIds().get(i))) {
                    throw ApiException.badInput("input.stationIds[" + i + "]", "not a station of this bureau");
                }
            }
        }
        List<TrancheInput> schedule = c.tranches() == null ? List.of() : c.tranches();
        BigDecimal scheduled = BigDecimal.ZERO;
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            TrancheInput t = schedule.get(i);
            if (t.dueOn().isBefore(c.startsOn()) || t.dueOn().isAfter(c.endsOn())) {
                throw ApiException.badInput("input.tranches[" + i + "].dueOn", "a tranche is due within the term, "
                        + c.startsOn() + " to " + c.endsOn() + "; " + t.dueOn() + " is outside it");
            }
            BigDecimal amount = Money.parse(t.amount(), "input.tranches[" + i + "].amount");
            amounts.add(amount);
            scheduled = scheduled.add(amount);
        }
        if (scheduled.compareTo(price) > 0) {
            throw ApiException.badInput("input.tranches", "the tranches add up to " + Money.text(scheduled)
                    + ", more than the price " + Money.text(price));
        }
        if (fields.contains("deliverables")) {
            List<DeliverableInput> owed = c.deliverables() == null ? List.of() : c.deliverables();
            Set<String> slots = catalogueSlots();
            for (int i = 0; i < owed.size(); i++) {
                String slot = owed.get(i).slot();
                if (slot != null && slots != null && !slots.contains(slot)) {
                    throw ApiException.badInput("input.deliverables[" + i + "].slot", "'" + slot
                            + "' is not a slot of the catalogue in force; its slots: " + String.join(", ", slots));
                }
            }
        }
        return new Checked(price, amounts);
    }

    /**
     * A term longer than a MAX_TERM rule of the profile in force allows is refused where the
     * document's words make the rule a VIOLATION (Weihai's 最长不超过3年); where they only permit
     * (Wuhan's 可以签订期限最长3年, ADVISORY) it is stored and stays a finding. Contracts stored
     * before a profile changed keep their term and are weighed by the findings.
     */
    private void maxTerm(LocalDate startsOn, LocalDate endsOn) {
        for (ContractRules.Rule rule : rules(calendar.today()).rules()) {
            if (rule.check() != ContractRules.Check.MAX_TERM || rule.basis().severity() != Severity.VIOLATION) {
                continue;
            }
            LocalDate longest = startsOn.plusYears(rule.years()).minusDays(1);
            if (endsOn.isAfter(longest)) {
                // the rule's words in the document's own language; the console says the rest in Chinese
                throw ApiException.badInput("input.endsOn", "the term is longer than " + rule.years() + " years: “"
                        + rule.labelZh() + "” (" + rule.labelEn() + "; source " + rule.source() + ") wants it to end by " + longest);
            }
        }
    }

    /** The stations, tranches and deliverables of a contract's terms, written after the contract. */
    private void writeParts(UUID contractId, CreateContract c, Checked checked) {
        List<TrancheInput> schedule = c.tranches() == null ? List.of() : c.tranches();
        for (int i = 0; i < schedule.size(); i++) {
            tranches.save(new ContractTranche(UUID.randomUUID(), contractId, i + 1, schedule.get(i).dueOn(),
                    checked.amounts().get(i), schedule.get(i).condition()));
        }
        List<DeliverableInput> owed = c.deliverables() == null ? List.of() : c.deliverables();
        for (int i = 0; i < owed.size(); i++) {
            DeliverableInput d = owed.get(i);
            deliverables.insert(contractId, i + 1, d.description(), d.quantity(), d.unit(), d.standard(), d.slot());
        }
    }

    public Contract sign(Caller caller, SignContract c) {
        caller.requireTenantAdmin();
        Contract current = existing(c.id());
        if (!"DRAFT".equals(current.status())) {
            throw ApiException.badInput("input.id", "only a draft is signed; this contract is " + current.statusOn(calendar.today()));
        }
        requireNotFuture(c.signedOn(), "input.signedOn");
        if (c.signedOn().isAfter(current.endsOn())) {
            throw ApiException.badInput("input.signedOn", "signedOn must not be after the term's end, " + current.endsOn());
        }
        return write(current.signed(c.signedOn(), c.version()), c.version());
    }

    public Contract end(Caller caller, EndContract c) {
        caller.requireTenantAdmin();
        Contract current = existing(c.id());
        LocalDate today = calendar.today();
        if ("DRAFT".equals(current.status()) || "ENDED".equals(current.status()) || current.statusOn(today) == Contract.Status.ENDED) {
            throw ApiException.badInput("input.id", "only a signed contract that has not ended is ended; this one is "
                    + current.statusOn(today) + (current.endReason() == null ? "" : " (" + current.endReason() + ")"));
        }
        if (c.reason() == Contract.EndReason.EXPIRED) {
            throw ApiException.badInput("input.reason", "a contract expires by its term; end it as TERMINATED or RENEWED");
        }
        if (c.endedOn().isBefore(current.signedOn()) || c.endedOn().isAfter(current.endsOn())) {
            throw ApiException.badInput("input.endedOn", "endedOn must be between the signing, " + current.signedOn()
                    + ", and the term's end, " + current.endsOn());
        }
        UUID successor = null;
        if (c.reason() == Contract.EndReason.RENEWED) {
            if (c.successorId() == null) {
                throw ApiException.badInput("input.successorId", "a renewal names the contract it is renewed into");
            }
            Contract next = contracts.findById(c.successorId())
                    .orElseThrow(() -> ApiException.badInput("input.successorId", "successorId is not a contract of this bureau"));
            if (next.id().equals(current.id()) || !next.operatorId().equals(current.operatorId())) {
                throw ApiException.badInput("input.successorId", "a renewal is another contract with the same operator");
            }
            successor = next.id();
        } else if (c.successorId() != null) {
            throw ApiException.badInput("input.successorId", "only a renewal has a successor");
        }
        return write(current.ended(c.endedOn(), c.reason(), blankToNull(c.note()), successor, c.version()), c.version());
    }

    public Contract setTakeoverPlan(Caller caller, SetTakeoverPlan c) {
        caller.requireTenantAdmin();
        Contract current = existing(c.id());
        return write(current.withTakeoverPlan(blankToNull(c.takeoverPlan()), c.version()), c.version());
    }

    // ---- reports ----

    @Introspected
    public record SubmitReport(
            @NotNull @NodeId("Contract") UUID contractId,
            @NotNull ContractReport.Kind kind,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @NotBlank @Size(max = 20_000) String body) {
    }

    @Introspected
    public record AcceptReport(@NotNull @NodeId("ContractReport") UUID id, int version, @Nullable LocalDate acceptedOn) {
    }

    public ContractReport submit(Caller caller, SubmitReport c) {
        caller.requireTenantMember();
        Contract contract = contracts.findById(c.contractId())
                .orElseThrow(() -> ApiException.badInput("input.contractId", "contractId is not a contract of this bureau"));
        List<UUID> served = contracts.stationsOf(Ids.array(List.of(contract.id()))).stream().map(ContractStation::stationId).toList();
        access.requireEditAny(caller, served);
        if ("DRAFT".equals(contract.status())) {
            throw ApiException.badInput("input.contractId", "a draft contract has no reports; it is not signed");
        }
        if (c.periodEnd().isBefore(c.periodStart())) {
            throw ApiException.badInput("input.periodEnd", "periodEnd must not be before periodStart, " + c.periodStart());
        }
        if (c.periodStart().isBefore(contract.startsOn()) || c.periodEnd().isAfter(contract.endsOn())) {
            throw ApiException.badInput("input.periodStart", "a report's period lies within the term, " + contract.startsOn()
                    + " to " + contract.endsOn());
        }
        if (c.periodStart().isAfter(calendar.today())) {
            throw ApiException.badInput("input.periodStart", "a report's period must have begun");
        }
        return reports.save(new ContractReport(UUID.randomUUID(), contract.id(), c.kind().name(), c.periodStart(),
                c.periodEnd(), c.body(), calendar.today(), null, 1, caller.subject(), null));
    }

    public ContractReport accept(Caller caller, AcceptReport c) {
        caller.requireTenantAdmin();
        ContractReport current = reports.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Contract report"));
        if (current.acceptedOn() != null) {
            throw ApiException.badInput("input.id", "the report was accepted on " + current.acceptedOn());
        }
        LocalDate on = c.acceptedOn() == null ? calendar.today() : c.acceptedOn();
        if (on.isAfter(calendar.today()) || on.isBefore(current.submittedOn())) {
            throw ApiException.badInput("input.acceptedOn", "acceptedOn must be between the submission, "
                    + current.submittedOn() + ", and today");
        }
        try {
            return reports.update(current.accepted(on, c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The report was changed since version " + c.version());
        }
    }

    // ---- evaluations ----

    @Introspected
    public record RecordEvaluation(
            @NotNull @NodeId("Contract") UUID contractId,
            @Min(1) @Max(50) int contractYear,
            @NotNull ContractEvaluation.Kind kind,
            @NotBlank @Size(max = 200) String evaluator,
            @NotNull LocalDate evaluatedOn,
            @Nullable @Size(max = 10) String score,
            @NotBlank @Size(max = 64) String grade,
            @Nullable @Size(max = 4000) String note,
            @Nullable @Size(max = 60) List<@Valid ItemScore> items) {
    }

    /** A deliverable's score in an evaluation, by its position in the contract. */
    @Introspected
    public record ItemScore(@Min(1) int deliverable, @NotBlank @Size(max = 10) String score, @Nullable @Size(max = 1000) String note) {
    }

    public ContractEvaluation evaluate(Caller caller, RecordEvaluation c) {
        caller.requireTenantMember();
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("Only a SUPERVISOR or TENANT_ADMIN may record an evaluation");
        }
        Contract contract = contracts.findById(c.contractId())
                .orElseThrow(() -> ApiException.badInput("input.contractId", "contractId is not a contract of this bureau"));
        if ("DRAFT".equals(contract.status())) {
            throw ApiException.badInput("input.contractId", "a draft contract is not evaluated; it is not signed");
        }
        LocalDate today = calendar.today();
        if (c.contractYear() > contract.years()) {
            throw ApiException.badInput("input.contractYear", "the term holds " + contract.years() + " contract year(s)");
        }
        LocalDate begins = contract.yearStart(c.contractYear());
        if (begins.isAfter(today)) {
            throw ApiException.badInput("input.contractYear", "contract year " + c.contractYear() + " begins on " + begins
                    + "; a year that has not begun is not evaluated");
        }
        if (c.evaluatedOn().isAfter(today) || c.evaluatedOn().isBefore(begins)) {
            throw ApiException.badInput("input.evaluatedOn", "evaluatedOn must be between the contract year's start, "
                    + begins + ", and today");
        }
        BigDecimal score = null;
        if (c.score() != null) {
            score = Money.score(c.score(), "input.score");
            if (score.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ApiException.badInput("input.score", "a score is from 0 to 100");
            }
        }
        ContractRules rules = rules(today);
        if (rules.grade(c.grade()) == null) {
            throw ApiException.badInput("input.grade", "'" + c.grade() + "' is not a grade of the bureau's scale; grades: "
                    + String.join(", ", rules.grades().stream().map(g -> g.code() + " (" + g.labelZh() + ")").toList()));
        }
        List<ContractEvaluation.Item> items = itemScores(contract, c.items());
        return evaluations.save(new ContractEvaluation(UUID.randomUUID(), contract.id(), c.contractYear(), c.kind().name(),
                c.evaluator(), c.evaluatedOn(), score, c.grade(), blankToNull(c.note()), items, caller.subject(), null));
    }

    /** Each item names a deliverable of the contract, once, with a score from 0 to 100. */
    private List<ContractEvaluation.Item> itemScores(Contract contract, List<ItemScore> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        java.util.Set<Integer> positions = new java.util.HashSet<>();
        deliverables.of(new String[]{contract.id().toString()}).forEach(d -> positions.add(d.position()));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        List<ContractEvaluation.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ItemScore it = given.get(i);
            String at = "input.items[" + i + "]";
            if (!positions.contains(it.deliverable())) {
                throw ApiException.badInput(at + ".deliverable", "the contract has no deliverable " + it.deliverable()
                        + (positions.isEmpty() ? "; it lists none" : "; it lists " + positions.stream().sorted().toList()));
            }
            if (!seen.add(it.deliverable())) {
                throw ApiException.badInput(at + ".deliverable", "deliverable " + it.deliverable() + " is scored twice");
            }
            BigDecimal score = Money.score(it.score(), at + ".score");
            if (score.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ApiException.badInput(at + ".score", "a score is from 0 to 100");
            }
            items.add(new ContractEvaluation.Item(it.deliverable(), score.toPlainString(), blankToNull(it.note())));
        }
        return items;
    }

    /** The contract rules of the profile in force on a day; none (and the common scale) without a profile. */
    public ContractRules rules(LocalDate on) {
        return profiles.inForce(on).map(p -> policies.compile(p).contractRules()).orElse(ContractRules.NONE);
    }

    public List<ContractRules.Grade> grades(Caller caller) {
        caller.requireTenantMember();
        return rules(calendar.today()).grades();
    }

    // ---- helpers ----

    private Set<String> catalogueSlots() {
        return profiles.inForce(calendar.today()).map(p -> {
            Catalogue catalogue = policies.compile(p).catalogue();
            if (catalogue.models().isEmpty()) {
                return (Set<String>) null;
            }
            Set<String> out = new TreeSet<>();
            catalogue.models().forEach(m -> m.slots().forEach(s -> out.add(s.code())));
            return out;
        }).orElse(null);
    }

    private void division(UUID id, String field, Set<String> levels, String what) {
        Division d = divisions.findById(id).orElseThrow(() -> ApiException.badInput(field, "not a division of this bureau"));
        if (!levels.contains(d.level())) {
            throw ApiException.badInput(field, what + "; " + d.nameZh() + " is " + d.level());
        }
    }

    private Contract existing(UUID id) {
        return contracts.findById(id).orElseThrow(() -> ApiException.notFound("input.id", "Contract"));
    }

    private Contract write(Contract changed, int version) {
        try {
            return contracts.update(changed);
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The contract was changed since version " + version);
        }
    }

    private void requireNotFuture(LocalDate day, String field) {
        if (day != null && day.isAfter(calendar.today())) {
            throw ApiException.badInput(field, field.substring(field.lastIndexOf('.') + 1) + " must not be in the future");
        }
    }

    private static <T> T pick(Set<String> sent, String field, T given, T current) {
        return sent.contains(field) ? given : current;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
