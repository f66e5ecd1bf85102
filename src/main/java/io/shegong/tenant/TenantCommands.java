package io.shegong.tenant;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.Codes;
import io.shegong.core.graphql.NodeId;
import io.shegong.user.UserCommands.NewAdministrator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What a platform administrator may ask of the tenant registry. */
public final class TenantCommands {
    private TenantCommands() {
    }

    /** The level a bureau governs. */
    public enum Level { DISTRICT, CITY }

    @Introspected
    public record CreateTenant(
            @NotBlank @Pattern(regexp = Codes.TENANT_CODE, message = Codes.TENANT_CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull Level level,
            @NotBlank @Size(max = 200) String region,
            @Nullable @Size(max = 64) String timeZone,
            @Nullable NewAdministrator administrator) {
    }

    @Introspected
    public record SetTenantActive(@NotNull @NodeId("Tenant") UUID id) {
    }
}
