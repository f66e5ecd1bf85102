package io.shegong.division;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.Codes;
import io.shegong.core.graphql.NodeId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** What a bureau's administrator may ask of its divisions. */
public final class DivisionCommands {
    private DivisionCommands() {
    }

    @Introspected
    public record CreateDivision(
            @NotNull @Pattern(regexp = Codes.CODE, message = Codes.CODE_MESSAGE) String code,
            @NotNull Division.Level level,
            @NotBlank @Size(max = 200) String nameZh,
            @Nullable @Size(max = 200) String nameEn,
            @Nullable @NodeId("Division") UUID parentId,
            @Nullable @Min(0) @Max(10_000) Integer communityCount,
            @Nullable @Size(max = 40) String zone) {
    }

    /** Fields left out keep their value; `sent` says which were given. */
    @Introspected
    public record UpdateDivision(
            @NotNull @NodeId("Division") UUID id,
            int version,
            @Nullable @Size(min = 1, max = 200) String nameZh,
            @Nullable @Size(max = 200) String nameEn,
            @Nullable @Min(0) @Max(10_000) Integer communityCount,
            @Nullable @Size(max = 40) String zone,
            @Nullable LocalDate attributesEffectiveOn,
            Set<String> sent) {
    }
}
