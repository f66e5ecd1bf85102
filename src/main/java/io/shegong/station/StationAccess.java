package io.shegong.station;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who may edit a station: its tenant's admins, and operators granted that station. */
@Singleton
public class StationAccess {
    private final OperatorStationRepository operators;

    public StationAccess(OperatorStationRepository operators) {
        this.operators = operators;
    }

    public void requireEdit(RequestContext ctx, UUID stationId) {
        requireEdit(ctx.caller(), stationId);
    }

    public void requireEdit(Caller caller, UUID stationId) {
        if (!canEdit(caller, stationId)) {
            throw ApiException.forbidden("Only a TENANT_ADMIN or an operator of this station may change it");
        }
    }

    /** An operator passes when any of the stations is theirs (a worker posted at one of them, say). */
    public void requireEditAny(Caller caller, Collection<UUID> stationIds) {
        if (stationIds.stream().noneMatch(id -> canEdit(caller, id))) {
            throw ApiException.forbidden("Only a TENANT_ADMIN or an operator of one of the worker's stations may change it");
        }
    }

    /** Those of the stations the caller may edit, asked in one statement however many there are. */
    public List<Station> editable(Caller caller, List<Station> stations) {
        caller.requireTenantMember();
        if (caller.has(Role.TENANT_ADMIN)) {
            return stations;
        }
        if (!caller.has(Role.STATION_OPERATOR)) {
            return List.of();
        }
        Set<UUID> granted = new HashSet<>(operators.granted(caller.subject()));
        return stations.stream().filter(s -> granted.contains(s.id())).toList();
    }

    public boolean canEdit(Caller caller, UUID stationId) {
        caller.requireTenantMember();
        if (caller.has(Role.TENANT_ADMIN)) {
            return true;
        }
        return caller.has(Role.STATION_OPERATOR) && operators.operates(caller.subject(), stationId);
    }
}
