package io.shegong.core.db;

import java.util.UUID;

/**
 * What the running mutation says it changed, when the record it returns does not say it well
 * (a policy document, a plan's projects). Held by the unit of work; the audit reads and clears
 * it around each mutation field, which run one at a time.
 */
public final class Changes {
    private Change noted;

    public record Change(String entity, UUID entityId, Object before, Object after) {
    }

    public void note(Change change) {
        this.noted = change;
    }

    public Change take() {
        Change c = noted;
        noted = null;
        return c;
    }
}
