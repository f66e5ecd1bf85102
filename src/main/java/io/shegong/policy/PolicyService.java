package io.shegong.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.audit.AuditLog;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
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
    private final PolicyRepository profiles;
    private final StationKindRepository kinds;
    private final PolicyTemplates templates;
    private final AuditLog audit;
    private final Clock clock;
    // Compiled programs per profile id and row version: a published revision never changes.
    /**
     * Profiles parsed and their expressions compiled once per (profile, version): a published
     * revision never changes, and a draft's edit bumps its version. Bounded, because a draft
     * edited all day would otherwise leave every version behind.
     */
    private final Cache<String, CompiledPolicy> compiled = Caffeine.newBuilder().maximumSize(1_000).build();

    public PolicyService(PolicyRepository profiles, StationKindRepository kinds, PolicyTemplates templates,
                         AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.kinds = kinds;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<PolicyProfile> inForce(RequestContext ctx, LocalDate on) {
        ctx.caller().requireTenantMember();
        return profiles.inForce(on);
    }

    public List<PolicyProfile> all(RequestContext ctx) {
        ctx.caller().requireTenantMember();
        return profiles.all();
    }

    public List<PolicyTemplates.Template> templates(RequestContext ctx) {
        ctx.caller().requireTenantMember();
        return templates.all();
    }

    public CompiledPolicy compile(PolicyProfile p) {
        return compiled.get(p.id() + ":" + p.version(),
                key -> new CompiledPolicy(p.id(), p.revision(), PolicyParser.parse(p.document(), "document")));
    }

    /** Opens a draft from a built-in template, from one of the bureau's own revisions, or empty. */
    public PolicyProfile createDraft(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        String template = in.text("fromTemplate", 40);
        UUID from = in.id("fromProfileId", "PolicyProfile");
        if (template != null && from != null) {
            throw ApiException.badInput(in.path("fromTemplate"), "give fromTemplate or fromProfileId, not both");
        }
        Map<String, Object> document = Map.of();
        Integer basedOn = null;
        if (template != null) {
            document = templates.get(template).orElseThrow(() ->
                    ApiException.badInput(in.path("fromTemplate"), "unknown template '" + template + "'"));
        } else if (from != null) {
            PolicyProfile source = profiles.findById(from)
                    .orElseThrow(() -> ApiException.badInput(in.path("fromProfileId"), "fromProfileId is not a profile of this bureau"));
            document = source.document();
            basedOn = source.revision();
        }
        if (profiles.draft().isPresent()) {
            throw ApiException.conflict(null, "The bureau already has an open draft; edit or publish it first");
        }
        PolicyParser.parse(document, "template");
        PolicyProfile draft = new PolicyProfile(UUID.randomUUID(), profiles.nextRevision(), PolicyProfile.DRAFT, null,
                basedOn, document, 1, ctx.caller().subject(), null, null, null);
        return ctx.session().atomically(() -> {
            PolicyProfile saved = profiles.save(draft);
            audit.note("PolicyProfile", saved.id(), null, saved.document());
            return saved;
        });
    }

    public PolicyProfile updateDraft(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        PolicyProfile current = existing(ctx, in);
        int version = in.requiredInteger("version");
        Object raw = in.has("document") ? rawDocument(in) : null;
        if (raw == null) {
            throw ApiException.badInput(in.path("document"), "document is required");
        }
        PolicyDocument parsed = PolicyParser.parse(raw, in.path("document"));
        if (current.published()) {
            throw ApiException.badInput(in.path("id"), "published profiles are immutable; open a new draft from it");
        }
        return ctx.session().atomically(() -> {
            PolicyProfile saved = write(current.withDocument(parsed.raw()).atVersion(version), () -> ApiException.conflict(
                    in.path("version"), "The draft was changed since version " + version + "; reload it and apply your edit again"));
            audit.note("PolicyProfile", current.id(), current.document(), parsed.raw());
            return saved;
        });
    }

    public PolicyProfile publish(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        PolicyProfile current = existing(ctx, in);
        int version = in.requiredInteger("version");
        LocalDate effectiveFrom = in.requiredDate("effectiveFrom");
        if (current.published()) {
            throw ApiException.badInput(in.path("id"), "the profile is already published");
        }
        Optional<LocalDate> latest = profiles.latestEffective();
        if (latest.isPresent() && effectiveFrom.isBefore(latest.get())) {
            throw ApiException.badInput(in.path("effectiveFrom"),
                    "effectiveFrom must not be before the latest published revision's date " + latest.get());
        }
        PolicyDocument document = PolicyParser.parse(current.document(), "document");
        return ctx.session().atomically(() -> {
            PolicyProfile saved = write(current.publishedFrom(effectiveFrom, clock.instant()).atVersion(version),
                    () -> ApiException.conflict(in.path("version"), "The draft was changed since version " + version));
            syncStationKinds(document);
            audit.note("PolicyProfile", current.id(), null,
                    Map.of("revision", current.revision(), "effectiveFrom", effectiveFrom.toString()));
            return saved;
        });
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

    private PolicyProfile existing(RequestContext ctx, Input in) {
        UUID id = in.requiredId("id", "PolicyProfile");
        return profiles.findById(id).orElseThrow(() -> ApiException.notFound(in.path("id"), "Policy profile"));
    }

    private static Object rawDocument(Input in) {
        Object doc = in.raw("document");
        if (doc != null && doc.toString().length() > MAX_DOCUMENT_CHARS) {
            throw ApiException.badInput(in.path("document"), "document is too large");
        }
        return doc;
    }
}
