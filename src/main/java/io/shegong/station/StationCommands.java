package io.shegong.station;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.Codes;
import io.shegong.core.graphql.NodeId;
import io.shegong.station.Station.OperatingMode;
import io.shegong.station.Station.Status;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a client may ask of the station registry, with the rules each field keeps by itself. */
public final class StationCommands {
    static final String CODE = Codes.CODE;
    static final String CODE_MESSAGE = Codes.CODE_MESSAGE;
    static final int TEXT = 200;
    static final int LONG_TEXT = 4000;
    static final int CODES = 30;

    private StationCommands() {
    }

    @Introspected
    public record CreateStation(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = TEXT) String name,
            @NotBlank @Size(max = 64) String kind,
            @Nullable @Pattern(regexp = CODE, message = CODE_MESSAGE) String domain,
            @Nullable @NodeId("Station") UUID parentId,
            @NotNull @NodeId("Division") UUID divisionId,
            @Nullable @Size(max = TEXT) String hostFacility,
            @NotNull OperatingMode operatingMode,
            @Nullable Status status,
            @Nullable LocalDate statusSince,
            @Nullable @Size(max = TEXT) String address,
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Nullable @Size(max = CODES) List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> rooms,
            @Nullable @Size(max = CODES) List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> rules) {
    }

    /** Fields left out keep their value; `sent` says which were given. */
    @Introspected
    public record UpdateStation(
            @NotNull @NodeId("Station") UUID id,
            int version,
            @Nullable @Size(min = 1, max = TEXT) String name,
            @Nullable @Pattern(regexp = CODE, message = CODE_MESSAGE) String domain,
            @Nullable @NodeId("Station") UUID parentId,
            @Nullable @NodeId("Division") UUID divisionId,
            @Nullable @Size(max = TEXT) String hostFacility,
            @Nullable OperatingMode operatingMode,
            @Nullable @Size(max = TEXT) String address,
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Nullable @Size(max = CODES) List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> rooms,
            @Nullable @Size(max = CODES) List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> rules,
            Set<String> sent) {
    }

    @Introspected
    public record ChangeStationStatus(
            @NotNull @NodeId("Station") UUID id,
            int version,
            @NotNull Status status,
            @NotNull LocalDate effectiveOn,
            @Nullable @Size(max = LONG_TEXT) String note) {
    }

    @Introspected
    public record CloseStation(
            @NotNull @NodeId("Station") UUID id,
            int version,
            @NotNull LocalDate closedOn,
            @Nullable @Size(max = LONG_TEXT) String note) {
    }

    @Introspected
    public record GrantStation(
            @NotBlank @Size(max = TEXT) String subject,
            @NotNull @NodeId("Station") UUID stationId) {
    }
}
