package io.shegong.policy;

import io.shegong.core.error.ApiException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A profile with every expression compiled once, ready to evaluate. */
public final class CompiledPolicy {
    private final UUID profileId;
    private final int revision;
    private final PolicyDocument document;
    private final Catalogue catalogue;
    private final List<Milestone> milestones;
    private final List<Target> targets;
    private final ContractRules contractRules;
    private final FundingRule.Section funding;
    private final Map<String, WorkerFacts.Expression> expressions = new HashMap<>();

    public CompiledPolicy(UUID profileId, int revision, PolicyDocument document) {
        this.profileId = profileId;
        this.revision = revision;
        this.document = document;
        this.catalogue = Catalogue.parse(new DocumentReader(document.raw(), "document"));
        this.milestones = milestones(document);
        this.targets = targets(document);
        this.contractRules = contractRules(document);
        this.funding = funding(document);
        document.staffingRules().stream().filter(r -> r.counts() != null)
                .forEach(r -> expressions.put(r.counts(), WorkerFacts.compile(r.counts(), r.code())));
        document.qualificationRules().forEach(q -> q.alternatives().forEach(a -> a.conditions()
                .forEach(c -> expressions.put(c.expression(), WorkerFacts.compile(c.expression(), q.code())))));
    }

    public UUID profileId() {
        return profileId;
    }

    public int revision() {
        return revision;
    }

    public PolicyDocument document() {
        return document;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * A revision published before calendars were typed kept its calendar as given (`due:
     * "annually by 03-31"`): it has no due items rather than failing, since a published revision
     * cannot be changed and a failure here would stop the bureau's compliance; its next revision
     * is checked on save like any other.
     */
    private static List<Milestone> milestones(PolicyDocument document) {
        try {
            return Milestone.parse(new DocumentReader(document.raw(), "document"),
                    Set.copyOf(document.stationKinds().stream().map(PolicyDocument.Kind::code).toList()));
        } catch (ApiException untyped) {
            return List.of();
        }
    }

    /** Targets, like calendars, were kept as given before they were typed: such a revision has none. */
    private static List<Target> targets(PolicyDocument document) {
        try {
            return Target.parse(new DocumentReader(document.raw(), "document"),
                    Set.copyOf(document.stationKinds().stream().map(PolicyDocument.Kind::code).toList()), document.vocabularies());
        } catch (ApiException untyped) {
            return List.of();
        }
    }

    /**
     * Contract rules, like calendars, were kept as given (inert text) before they were typed: such
     * a revision has none, and the common grade scale.
     */
    private static ContractRules contractRules(PolicyDocument document) {
        try {
            return ContractRules.parse(new DocumentReader(document.raw(), "document"));
        } catch (ApiException untyped) {
            return ContractRules.NONE;
        }
    }

    /** The `contracts` section: grade scale, rules and notes. */
    public ContractRules contractRules() {
        return contractRules;
    }

    /** Funding, like calendars, was kept as given before it was typed: such a revision has no funding rules. */
    private static FundingRule.Section funding(PolicyDocument document) {
        try {
            return FundingRule.parse(new DocumentReader(document.raw(), "document"),
                    Set.copyOf(document.stationKinds().stream().map(PolicyDocument.Kind::code).toList()), document.vocabularies());
        } catch (ApiException untyped) {
            return FundingRule.Section.EMPTY;
        }
    }

    /** The funding rules (资金保障) and words-only notes, in the profile's order. */
    public FundingRule.Section funding() {
        return funding;
    }

    /** The targets (目标), in the profile's order. */
    public List<Target> targets() {
        return targets;
    }

    /** The calendar's milestones (时间节点), in the profile's order. */
    public List<Milestone> milestones() {
        return milestones;
    }

    public boolean test(String expression, Map<String, Object> facts) {
        return expressions.get(expression).test(facts);
    }
}
