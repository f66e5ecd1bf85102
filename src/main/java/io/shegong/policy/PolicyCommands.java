package io.shegong.policy;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.NodeId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What a client may ask of a bureau's policy profiles. The document itself is checked by
 * {@link PolicyParser}, which names the path of a fault inside it; these records keep only the
 * rules a field keeps by itself.
 */
public final class PolicyCommands {
    private PolicyCommands() {
    }

    /** From a built-in template, from one of the bureau's own revisions, or empty when neither is given. */
    @Introspected
    public record CreatePolicyDraft(
            @Nullable @Size(min = 1, max = 40) String fromTemplate,
            @Nullable @NodeId("PolicyProfile") UUID fromProfileId) {
    }

    @Introspected
    public record UpdatePolicyDraft(
            @NotNull @NodeId("PolicyProfile") UUID id,
            int version,
            @NotNull Map<String, Object> document) {
    }

    @Introspected
    public record PublishPolicyProfile(
            @NotNull @NodeId("PolicyProfile") UUID id,
            int version,
            @NotNull LocalDate effectiveFrom) {
    }

    @Introspected
    public record WithdrawPolicyProfile(
            @NotNull @NodeId("PolicyProfile") UUID id,
            int version) {
    }
}
