package io.shegong.catalogue;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A station's plan for a year: its projects, each in a catalogue slot (and item, where the slot has items). */
public record ServicePlan(UUID id, UUID stationId, int year, List<Project> projects, int version, String createdBy,
                          Instant updatedAt) implements Identified {

    public record Project(String name, String slot, String item, String description) {
    }
}
