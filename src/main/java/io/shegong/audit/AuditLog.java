package io.shegong.audit;

import io.shegong.core.db.Ids;
import io.shegong.core.db.Changes;
import io.shegong.core.db.Session;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Identified;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Role;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who changed what and when. Every mutation leaves exactly one entry, written in the same
 * transaction as its change, so that a change without its entry cannot be committed; an
 * attempt refused as FORBIDDEN or CONFLICT leaves one too. The service role may insert and read
 * entries, never update or delete them.
 */
@Singleton
public class AuditLog {
    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    /**
     * Says what the running mutation changed, where the record it returns would not say it well
     * (a policy document, a plan's projects). Otherwise the record's fields are compared.
     */
    public void note(String entity, UUID entityId, Object before, Object after) {
        Session.current().orElseThrow(() -> new IllegalStateException("no unit of work to note a change in"))
                .changes().note(new Changes.Change(entity, entityId, before, after));
    }

    /** Records a committed mutation: the record it acted on, before and after, changed fields only. */
    public void committed(RequestContext ctx, String operation, Identified before, Identified after) {
        Changes.Change noted = ctx.session().changes().take();
        Identified target = after != null ? after : before;
        String entity = noted != null ? noted.entity() : target == null ? null : target.getClass().getSimpleName();
        UUID id = noted != null ? noted.entityId() : target == null ? null : target.id();
        Map<String, Object>[] changed = noted != null
                ? Snapshot.diff(Snapshot.of(noted.before()), Snapshot.of(noted.after()))
                : Snapshot.diff(Snapshot.of(before), Snapshot.of(after));
        file(ctx, new AuditEntry(UUID.randomUUID(), null, ctx.caller().subject(), operation,
                AuditEntry.COMMITTED, null, entity, id, changed[0], changed[1], ctx.requestId()));
    }

    /** Records an attempt that was refused; nothing of it was written. */
    public void refused(RequestContext ctx, String operation, String entity, UUID entityId, String code) {
        ctx.session().changes().take();
        file(ctx, new AuditEntry(UUID.randomUUID(), null, ctx.caller().subject(), operation,
                AuditEntry.REFUSED, code, entity, entityId, null, null, ctx.requestId()));
    }

    /** A platform session has no tenant to file the entry under: the platform keeps it. */
    private void file(RequestContext ctx, AuditEntry entry) {
        if (ctx.session().isPlatform()) {
            entries.saveOnPlatform(entry);
        } else {
            entries.save(entry);
        }
    }

    /** Which entries to list; dates are the bureau's days. */
    public record Query(String entity, UUID entityId, String actor, String outcome, LocalDate from, LocalDate to) {
    }

    public Connection<AuditEntry> page(RequestContext ctx, Query q, Connection.Window w) {
        ctx.caller().requireTenantAdmin();
        AuditRepository.Filter f = new AuditRepository.Filter(q.entity(), q.entityId(), q.actor(), q.outcome(),
                q.from() == null ? null : q.from().atStartOfDay(ctx.session().zone()).toInstant(),
                q.to() == null ? null : q.to().plusDays(1).atStartOfDay(ctx.session().zone()).toInstant());
        Instant afterAt = w.hasAfter() ? Instant.parse(w.afterKey()) : null;
        List<AuditEntry> rows = entries.page(f.entity(), f.entityId(), f.actor(), f.outcome(), f.from(), f.until(),
                afterAt, w.afterId(), w.limit() + 1);
        return Connection.of(rows, w, e -> e.at().toString(), AuditEntry::id,
                () -> entries.count(f.entity(), f.entityId(), f.actor(), f.outcome(), f.from(), f.until()));
    }

    /** Entries by id; only a TENANT_ADMIN sees any. */
    public List<AuditEntry> byIds(RequestContext ctx, Collection<UUID> ids) {
        if (!ctx.caller().has(Role.TENANT_ADMIN)) {
            return List.of();
        }
        return entries.byIds(Ids.array(ids));
    }
}
