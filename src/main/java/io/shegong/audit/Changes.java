package io.shegong.audit;

import java.util.UUID;

/**
 * What the running mutation says it changed, when the record it returns does not say it well
 * (a policy document, a plan's projects). Held per request; the mutation runner reads and
 * clears it around each mutation field, which run one at a time.
 */
public final class Changes {
    private Change noted;

    public record Change(String entity, UUID entityId, Object before, Object after) {
    }

    void note(Change change) {
        this.noted = change;
    }

    Change take() {
        Change c = noted;
        noted = null;
        return c;
    }
}
