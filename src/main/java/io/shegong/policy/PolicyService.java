package io.shegong.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.audit.AuditLog;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyCommands.CreatePolicyDraft;
import io.shegong.policy.PolicyCommands.PublishPolicyProfile;
import io.shegong.policy.PolicyCommands.UpdatePolicyDraft;
import io.shegong.policy.PolicyCommands.WithdrawPolicyProfile;
import io.shegong.station.StationKindRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Policy profiles: one open draft at a time, published revisions immutable and effective-dated.
 * TENANT_ADMIN edits; every tenant role reads.
 */
@Singleton
public class PolicyService {
    private static final int MAX_DOCUMENT_CHARS = 500_000;
    private static final int MAX_CONDITIONS = 100;
    private static final int MAX_CONDITION_CHARS = 2_000;
    private final PolicyRepository profiles;
    private final StationKindRepository kinds;
    private final PolicyTemplates templates;
    private final AuditLog audit;
    private final Clock clock;
    private final BureauCalendar calendar;
    // Compiled programs per profile id and row version: a published revision never changes.
    /**
     * Profiles parsed and their expressions compiled once per (profile, version): a published
     * revision never changes, and a draft's edit bumps its version. Bounded, because a draft
     * edited all day would otherwise leave every version behind.
     */
    private final Cache<String, CompiledPolicy> compiled = Caffeine.newBuilder().maximumSize(1_000).build();

    public PolicyService(PolicyRepository profiles, StationKindRepository kinds, PolicyTemplates templates,
                         AuditLog audit, Clock clock, BureauCalendar calendar) {
        this.profiles = profiles;
        this.kinds = kinds;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    public Optional<PolicyProfile> inForce(Caller caller, LocalDate on) {
        caller.requireTenantMember();
        return profiles.inForce(on);
    }

    public List<PolicyProfile> all(Caller caller) {
        caller.requireTenantMember();
        return profiles.all();
    }

    public List<PolicyTemplates.Template> templates(Caller caller) {
        caller.requireTenantMember();
        return templates.all();
    }

    /** What `checkPolicyConditions` answers. */
    public record ConditionCheck(List<ConditionResult> results, List<WorkerFacts.Name> names) {
    }

    /** One condition: valid, or its problem and place. */
    public record ConditionResult(String expression, boolean valid, Integer line, Integer column,
                                  String messageZh, String messageEn) {
    }

    /**
     * Compiles conditions as a draft's save would, writing nothing: the editor asks while the
     * administrator types, so a fault shows before the draft is saved.
     */
    public ConditionCheck checkConditions(Caller caller, List<String> conditions) {
        caller.requireTenantAdmin();
        if (conditions.size() > MAX_CONDITIONS) {
            throw ApiException.badInput("conditions", "at most " + MAX_CONDITIONS + " conditions at once");
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i).length() > MAX_CONDITION_CHARS) {
                throw ApiException.badInput("conditions." + i, "a condition is at most " + MAX_CONDITION_CHARS + " characters");
            }
        }
        List<ConditionResult> results = conditions.stream().map(source -> WorkerFacts.problem(source)
                .map(p -> new ConditionResult(source, false, p.line(), p.column(), p.messageZh(), p.messageEn()))
                .orElseGet(() -> new ConditionResult(source, true, null, null, null, null))).toList();
        return new ConditionCheck(results, WorkerFacts.names());
    }

    public CompiledPolicy compile(PolicyProfile p) {
        return compiled.get(p.id() + ":" + p.version(),
                key -> new CompiledPolicy(p.id(), p.revision(), PolicyParser.parsePublished(p.document())));
    }

    /** Opens a draft from a built-in template, from one of the bureau's own revisions, or empty. */
    public PolicyProfile createDraft(Caller caller, CreatePolicyDraft c) {
        caller.requireTenantAdmin();
        String template = c.fromTemplate();
        UUID from = c.fromProfileId();
        if (template != null && from != null) {
            throw ApiException.badInput("input.fromTemplate", "give fromTemplate or fromProfileId, not both");
        }
        Map<String, Object> document = Map.of();
        Integer basedOn = null;
        if (template != null) {
            document = templates.get(template).orElseThrow(() ->
                    ApiException.badInput("input.fromTemplate", "unknown template '" + template + "'"));
        } else if (from != null) {
            PolicyProfile source = profiles.findById(from)
                    .orElseThrow(() -> ApiException.badInput("input.fromProfileId", "fromProfileId is not a profile of this bureau"));
            document = source.document();
            basedOn = source.revision();
        }
        if (profiles.draft().isPresent()) {
            throw ApiException.conflict(null, "The bureau already has an open draft; edit or publish it first");
        }
        PolicyParser.parse(document, "template");
        PolicyProfile saved = profiles.save(new PolicyProfile(UUID.randomUUID(), profiles.nextRevision(),
                PolicyProfile.DRAFT, null, basedOn, document, 1, caller.subject(), null, null, null));
        audit.note("PolicyProfile", saved.id(), null, saved.document());
        return saved;
    }

    public PolicyProfile updateDraft(Caller caller, UpdatePolicyDraft c) {
        caller.requireTenantAdmin();
        PolicyProfile current = existing(c.id());
        if (c.document().toString().length() > MAX_DOCUMENT_CHARS) {
            throw ApiException.badInput("input.document", "document is too large");
        }
        PolicyDocument parsed = PolicyParser.parse(c.document(), "input.document");
        if (current.published()) {
            throw ApiException.badInput("input.id", "published profiles are immutable; open a new draft from it");
        }
        int version = c.version();
        PolicyProfile saved = write(current.withDocument(parsed.raw()).atVersion(version), () -> ApiException.conflict(
                "input.version", "The draft was changed since version " + version + "; reload it and apply your edit again"));
        audit.note("PolicyProfile", current.id(), current.document(), parsed.raw());
        return saved;
    }

    public PolicyProfile publish(Caller caller, PublishPolicyProfile c) {
        caller.requireTenantAdmin();
        PolicyProfile current = existing(c.id());
        LocalDate effectiveFrom = c.effectiveFrom();
        if (current.published()) {
            throw ApiException.badInput("input.id", "the profile is already published");
        }
        Optional<LocalDate> latest = profiles.latestEffective();
        if (latest.isPresent() && effectiveFrom.isBefore(latest.get())) {
            throw ApiException.badInput("input.effectiveFrom",
                    "effectiveFrom must not be before the latest published revision's date " + latest.get());
        }
        PolicyDocument document = PolicyParser.parse(current.document(), "document");
        int version = c.version();
        PolicyProfile saved = write(current.publishedFrom(effectiveFrom, clock.instant()).atVersion(version),
                () -> ApiException.conflict("input.version", "The draft was changed since version " + version));
        syncStationKinds(document);
        audit.note("PolicyProfile", current.id(), null,
                Map.of("revision", current.revision(), "effectiveFrom", effectiveFrom.toString()));
        return saved;
    }

    /**
     * Takes back a published revision before the day it takes effect, so that a mistake found in
     * time is corrected rather than lived with: it becomes the bureau's draft again (the bureau may
     * have no other draft open). A revision in force, or once in force, stays: compliance on past
     * dates answers with it. Station kinds it brought stay known to the registry.
     */
    public PolicyProfile withdraw(Caller caller, WithdrawPolicyProfile c) {
        caller.requireTenantAdmin();
        LocalDate today = calendar.today();
        PolicyProfile current = existing(c.id());
        if (!current.published()) {
            throw ApiException.badInput("input.id", "only a published revision can be withdrawn; this one is a draft");
        }
        if (!current.effectiveFrom().isAfter(today)) {
            throw ApiException.badInput("input.id", "the revision is in force since " + current.effectiveFrom()
                    + " and cannot be withdrawn; publish a corrected revision instead");
        }
        if (profiles.draft().isPresent()) {
            throw ApiException.conflict("input.id", "The bureau already has an open draft; publish or finish it first");
        }
        int version = c.version();
        PolicyProfile saved = write(current.withdrawn().atVersion(version),
                () -> ApiException.conflict("input.version", "The revision was changed since version " + version));
        audit.note("PolicyProfile", current.id(),
                Map.of("status", PolicyProfile.PUBLISHED, "effectiveFrom", current.effectiveFrom().toString()),
                Map.of("status", PolicyProfile.DRAFT));
        return saved;
    }

    /**
     * A new bureau's first profile, published as given and in force from a date: how a bureau
     * starts from its own document rather than from an empty draft.
     */
    public PolicyProfile publishFirst(Map<String, Object> document, String path, LocalDate effectiveFrom, String by) {
        PolicyDocument parsed = PolicyParser.parse(document, path);
        PolicyProfile saved = profiles.save(new PolicyProfile(UUID.randomUUID(), 1, PolicyProfile.PUBLISHED, effectiveFrom,
                null, document, 1, by, null, null, clock.instant()));
        syncStationKinds(parsed);
        return saved;
    }

    /** Publishing a profile makes its station kinds the ones the registry accepts, in its order. */
    private void syncStationKinds(PolicyDocument document) {
        int order = 0;
        for (PolicyDocument.Kind k : document.stationKinds()) {
            kinds.put(k.code(), k.labelZh(), k.labelEn(), k.level(), k.parentKinds().toArray(String[]::new),
                    k.requiresDomain(), order++);
        }
    }

    /**
     * Writes the revision at the version the client read. The row was read just before, in the
     * same transaction, so a failed version check means someone else changed it, not that the
     * row is hidden.
     */
    private PolicyProfile write(PolicyProfile changed, Supplier<ApiException> stale) {
        try {
            return profiles.update(changed);
        } catch (OptimisticLockException e) {
            throw stale.get();
        }
    }

    private PolicyProfile existing(UUID id) {
        return profiles.findById(id).orElseThrow(() -> ApiException.notFound("input.id", "Policy profile"));
    }
}
