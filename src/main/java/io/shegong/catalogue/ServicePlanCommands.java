package io.shegong.catalogue;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.NodeId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * What a client may ask of a station's service plans. Whether a project's slot and item exist
 * in the bureau's catalogue depends on the profile in force, so the service checks that.
 */
public final class ServicePlanCommands {
    static final int MAX_PROJECTS = 100;

    private ServicePlanCommands() {
    }

    /** `version` is the plan's version when it replaces an existing plan for the year. */
    @Introspected
    public record SaveServicePlan(
            @NotNull @NodeId("Station") UUID stationId,
            @Min(2000) @Max(2100) int year,
            @Nullable @Min(0) Integer version,
            @NotNull @Size(max = MAX_PROJECTS) List<ServiceProject> projects) {
    }

    /** One project of the plan, in a catalogue slot and, where the slot has items, one of them. */
    @Introspected
    public record ServiceProject(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String slot,
            @Nullable @Size(min = 1, max = 64) String item,
            @Nullable @Size(min = 1, max = 4000) String description) {
    }
}
