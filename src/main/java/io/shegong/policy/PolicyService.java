package io.shegong.policy;

import io.shegong.audit.AuditLog;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policy profiles: one open draft at a time, published revisions immutable and effective-dated.
 * TENANT_ADMIN edits; every tenant role reads.
 */
@Singleton
public class PolicyService {
    private static final int MAX_DOCUMENT_CHARS = 500_000;
    private final PolicyRepository profiles;
    private final PolicyTemplates templates;
    private final AuditLog audit;
    // Compiled programs per profile id and row version: a published revision never changes.
    private final Map<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    public PolicyService(PolicyRepository profiles, PolicyTemplates templates, AuditLog audit) {
        this.profiles = profiles;
        this.templates = templates;
        this.audit = audit;
    }

    public Optional<PolicyProfile> inForce(RequestContext ctx, LocalDate on) {
        ctx.caller().requireTenantMember();
        return profiles.inForce(ctx.session(), on);
    }

    public List<PolicyProfile> all(RequestContext ctx) {
        ctx.caller().requireTenantMember();
        return profiles.all(ctx.session());
    }

    public List<PolicyTemplates.Template> templates(RequestContext ctx) {
        ctx.caller().requireTenantMember();
        return templates.all();
    }

    public CompiledPolicy compile(PolicyProfile p) {
        return compiled.computeIfAbsent(p.id() + ":" + p.version(),
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
            PolicyProfile source = profiles.byId(ctx.session(), from)
                    .orElseThrow(() -> ApiException.badInput(in.path("fromProfileId"), "fromProfileId is not a profile of this bureau"));
            document = source.document();
            basedOn = source.revision();
        }
        if (profiles.draft(ctx.session()).isPresent()) {
            throw ApiException.conflict(null, "The bureau already has an open draft; edit or publish it first");
        }
        PolicyParser.parse(document, "template");
        PolicyProfile draft = new PolicyProfile(UUID.randomUUID(), profiles.nextRevision(ctx.session()), "DRAFT", null,
                basedOn, document, 1, ctx.caller().subject(), Instant.now(), null);
        return ctx.session().atomically(() -> {
            profiles.insert(ctx.session(), draft);
            audit.note(ctx, "PolicyProfile", draft.id(), null, draft.document());
            return profiles.byId(ctx.session(), draft.id()).orElseThrow();
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
            if (!profiles.updateDraft(ctx.session(), current.id(), parsed.raw(), version)) {
                throw ApiException.conflict(in.path("version"),
                        "The draft was changed since version " + version + "; reload it and apply your edit again");
            }
            audit.note(ctx, "PolicyProfile", current.id(), current.document(), parsed.raw());
            return profiles.byId(ctx.session(), current.id()).orElseThrow();
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
        Optional<LocalDate> latest = profiles.latestEffective(ctx.session());
        if (latest.isPresent() && effectiveFrom.isBefore(latest.get())) {
            throw ApiException.badInput(in.path("effectiveFrom"),
                    "effectiveFrom must not be before the latest published revision's date " + latest.get());
        }
        PolicyDocument document = PolicyParser.parse(current.document(), "document");
        return ctx.session().atomically(() -> {
            if (!profiles.publish(ctx.session(), current.id(), effectiveFrom, version)) {
                throw ApiException.conflict(in.path("version"), "The draft was changed since version " + version);
            }
            syncStationKinds(ctx.session(), document);
            audit.note(ctx, "PolicyProfile", current.id(), null,
                    Map.of("revision", current.revision(), "effectiveFrom", effectiveFrom.toString()));
            return profiles.byId(ctx.session(), current.id()).orElseThrow();
        });
    }

    /** Publishing a profile makes its station kinds the ones the registry accepts. */
    public static void syncStationKinds(Session s, PolicyDocument document) {
        int order = 0;
        for (PolicyDocument.Kind k : document.stationKinds()) {
            Sql.update(s, """
                    INSERT INTO station_kind (tenant_id, code, label_zh, label_en, level, parent_kinds, requires_domain, sort_order)
                    VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?)
                    ON CONFLICT (tenant_id, code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en,
                        level = excluded.level, parent_kinds = excluded.parent_kinds,
                        requires_domain = excluded.requires_domain, sort_order = excluded.sort_order""",
                    s.tenantId(), k.code(), k.labelZh(), k.labelEn(), k.level(), k.parentKinds(), k.requiresDomain(), order++);
        }
    }

    private PolicyProfile existing(RequestContext ctx, Input in) {
        UUID id = in.requiredId("id", "PolicyProfile");
        return profiles.byId(ctx.session(), id).orElseThrow(() -> ApiException.notFound(in.path("id"), "Policy profile"));
    }

    private static Object rawDocument(Input in) {
        Object doc = in.raw("document");
        if (doc != null && doc.toString().length() > MAX_DOCUMENT_CHARS) {
            throw ApiException.badInput(in.path("document"), "document is too large");
        }
        return doc;
    }
}
