package io.shegong.station;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Like;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station.Status;
import io.shegong.station.StationCommands.ChangeStationStatus;
import io.shegong.station.StationCommands.CloseStation;
import io.shegong.station.StationCommands.CreateStation;
import io.shegong.station.StationCommands.GrantStation;
import io.shegong.station.StationCommands.UpdateStation;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The station registry: list, create, update and move stations through their life cycle. */
@Singleton
public class StationService {
    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.PLANNED, EnumSet.of(Status.SITE_SELECTED, Status.CLOSED),
            Status.SITE_SELECTED, EnumSet.of(Status.SIGNED, Status.CLOSED),
            Status.SIGNED, EnumSet.of(Status.OPERATING, Status.CLOSED),
            Status.OPERATING, EnumSet.of(Status.SUSPENDED, Status.CLOSED),
            Status.SUSPENDED, EnumSet.of(Status.OPERATING, Status.CLOSED),
            Status.CLOSED, EnumSet.noneOf(Status.class));

    private final StationRepository stations;
    private final StationKindRepository kinds;
    private final StationStatusChangeRepository statusChanges;
    private final OperatorStationRepository operators;
    private final DivisionRepository divisions;
    private final StationAccess access;
    private final ClosingHook closing;
    private final BureauCalendar calendar;
    private final PolicyVocabularies vocabularies;

    public StationService(StationRepository stations, StationKindRepository kinds,
                          StationStatusChangeRepository statusChanges, OperatorStationRepository operators,
                          DivisionRepository divisions, StationAccess access, ClosingHook closing,
                          BureauCalendar calendar, PolicyVocabularies vocabularies) {
        this.stations = stations;
        this.kinds = kinds;
        this.statusChanges = statusChanges;
        this.operators = operators;
        this.divisions = divisions;
        this.access = access;
        this.closing = closing;
        this.calendar = calendar;
        this.vocabularies = vocabularies;
    }

    /** What else must happen when a station closes (its posts end). */
    public interface ClosingHook {
        void stationClosed(UUID stationId, LocalDate on);
    }

    public Connection<Station> list(Caller caller, StationRepository.Filter filter, Connection.Window w) {
        caller.requireTenantMember();
        String text = Like.contains(filter.text());
        return Connection.of(stations.page(filter.divisionId(), filter.kind(), filter.status(), filter.operatingMode(),
                        filter.parentId(), text, w.afterKey(), w.limit() + 1), w,
                Station::code, Station::id, () -> stations.count(filter.divisionId(), filter.kind(), filter.status(),
                        filter.operatingMode(), filter.parentId(), text));
    }

    /**
     * The stations a STATION_OPERATOR caller is granted, by code, so that a client can offer edits
     * only where the service will take them; empty for every other role (an administrator edits
     * every station, the others none) and for a platform administrator, who has no tenant.
     */
    public List<Station> granted(Caller caller) {
        if (caller.tenantCode() == null || !caller.has(Role.STATION_OPERATOR)) {
            return List.of();
        }
        return stations.byIds(operators.granted(caller.subject()).stream().map(UUID::toString).toArray(String[]::new))
                .stream().sorted(Comparator.comparing(Station::code)).toList();
    }

    /** Every station the filter leaves, by code, for a list read whole (an export). */
    public List<Station> all(Caller caller, StationRepository.Filter filter) {
        caller.requireTenantMember();
        return stations.matching(filter.divisionId(), filter.kind(), filter.status(), filter.operatingMode(),
                filter.parentId(), Like.contains(filter.text()));
    }

    public List<StationKind> kinds(Caller caller) {
        caller.requireTenantMember();
        return kinds.all();
    }

    public Station create(Caller caller, CreateStation c) {
        caller.requireTenantAdmin();
        StationKind kind = kind(c.kind());
        if (kind.requiresDomain() && c.domain() == null) {
            throw ApiException.badInput("input.domain", "a " + kind.code() + " station needs a domain");
        }
        // the profile in force names the rooms, rules and domains its rules read: a code it does
        // not know would never meet them, so it is refused here rather than silently unmet
        Vocabularies terms = vocabularies.today();
        terms.require("domains", "input.domain", c.domain());
        terms.require("rooms", "input.rooms", c.rooms());
        terms.require("rules", "input.rules", c.rules());
        checkParent(kind, c.parentId(), null);
        checkDivision(c.divisionId());
        Status status = c.status() == null ? Status.PLANNED : c.status();
        if (status == Status.CLOSED) {
            throw ApiException.badInput("input.status", "a new station cannot start CLOSED");
        }
        LocalDate since = notFuture(c.statusSince(), "statusSince");
        Station st = new Station(UUID.randomUUID(), c.code(), c.name(), kind.code(), c.domain(), c.parentId(),
                c.divisionId(), c.hostFacility(), c.operatingMode().name(), status.name(),
                since == null ? calendar.today() : since, c.address(), c.latitude(), c.longitude(),
                orEmpty(c.rooms()), orEmpty(c.rules()), 1, null, null);
        if (stations.existsByCode(c.code())) {
            throw ApiException.conflict("input.code", "A station with code '" + c.code() + "' already exists");
        }
        Station saved = stations.save(st);
        recordStatus(caller, st.id(), st.status(), st.statusSince(), null);
        return saved;
    }

    public Station update(Caller caller, UpdateStation c) {
        Station current = current(caller, c.id());
        access.requireEdit(caller, current.id());
        Set<String> sent = c.sent();
        StationKind kind = kind(current.kindCode());
        UUID parentId = sent.contains("parentId") ? c.parentId() : current.parentId();
        if (sent.contains("parentId")) {
            checkParent(kind, parentId, current.id());
        }
        UUID divisionId = current.divisionId();
        if (sent.contains("divisionId")) {
            if (c.divisionId() == null) {
                throw ApiException.badInput("input.divisionId", "divisionId cannot be removed");
            }
            checkDivision(c.divisionId());
            divisionId = c.divisionId();
        }
        String domain = sent.contains("domain") ? c.domain() : current.domain();
        if (kind.requiresDomain() && domain == null) {
            throw ApiException.badInput("input.domain", "a " + kind.code() + " station needs a domain");
        }
        if (sent.contains("name") && c.name() == null) {
            throw ApiException.badInput("input.name", "name cannot be removed");
        }
        Vocabularies terms = vocabularies.today();
        if (sent.contains("domain")) {
            terms.require("domains", "input.domain", c.domain());
        }
        if (sent.contains("rooms")) {
            terms.require("rooms", "input.rooms", c.rooms());
        }
        if (sent.contains("rules")) {
            terms.require("rules", "input.rules", c.rules());
        }
        Station changed = new Station(current.id(), current.code(),
                c.name() != null ? c.name() : current.name(),
                current.kindCode(), domain, parentId, divisionId,
                sent.contains("hostFacility") ? c.hostFacility() : current.hostFacility(),
                c.operatingMode() != null ? c.operatingMode().name() : current.operatingMode(),
                current.status(), current.statusSince(),
                sent.contains("address") ? c.address() : current.address(),
                sent.contains("latitude") ? c.latitude() : current.latitude(),
                sent.contains("longitude") ? c.longitude() : current.longitude(),
                sent.contains("rooms") ? orEmpty(c.rooms()) : current.rooms(),
                sent.contains("rules") ? orEmpty(c.rules()) : current.rules(),
                c.version(), current.createdAt(), current.updatedAt());
        return save(changed, c.version());
    }

    public Station changeStatus(Caller caller, ChangeStationStatus c) {
        Station current = current(caller, c.id());
        access.requireEdit(caller, current.id());
        if (c.status() == Status.CLOSED) {
            return close(caller, current, c.version(), c.effectiveOn(), "effectiveOn", c.note());
        }
        LocalDate on = checkedDate(c.effectiveOn(), "effectiveOn", current);
        if (!NEXT.get(current.currentStatus()).contains(c.status())) {
            throw ApiException.badInput("input.status", "a " + current.status() + " station cannot become " + c.status());
        }
        Station saved = save(current.withStatus(c.status(), on), c.version());
        recordStatus(caller, current.id(), c.status().name(), on, c.note());
        return saved;
    }

    public Station close(Caller caller, CloseStation c) {
        caller.requireTenantAdmin();
        Station current = current(caller, c.id());
        return close(caller, current, c.version(), c.closedOn(), "closedOn", c.note());
    }

    private Station close(Caller caller, Station current, int version, LocalDate on, String dateField, String note) {
        caller.requireTenantAdmin();
        if (current.currentStatus() == Status.CLOSED) {
            throw ApiException.badInput("input.id", "the station is already closed");
        }
        checkedDate(on, dateField, current);
        Station saved = save(current.withStatus(Status.CLOSED, on), version);
        recordStatus(caller, current.id(), Status.CLOSED.name(), on, note);
        closing.stationClosed(current.id(), on);
        return saved;
    }

    public Station grant(Caller caller, GrantStation c) {
        caller.requireTenantAdmin();
        Station st = stations.findById(c.stationId())
                .orElseThrow(() -> ApiException.notFound("input.stationId", "Station"));
        operators.grant(c.subject(), c.stationId());
        return st;
    }

    /**
     * Writes the station at the version the client read. The row was read just before, in the
     * same transaction, so a failed version check means someone else changed it, not that the
     * row is hidden.
     */
    private Station save(Station changed, int version) {
        try {
            return stations.update(changed.atVersion(version));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version",
                    "The station was changed by someone else; reload it and apply your change again");
        }
    }

    private void recordStatus(Caller caller, UUID stationId, String status, LocalDate on, String note) {
        statusChanges.save(new StationStatusChange(UUID.randomUUID(), stationId, status, on, note, caller.subject(), null));
    }

    private Station current(Caller caller, UUID id) {
        caller.requireTenantMember();
        return stations.findById(id).orElseThrow(() -> ApiException.notFound("input.id", "Station"));
    }

    private LocalDate notFuture(LocalDate d, String field) {
        if (d != null && d.isAfter(calendar.today())) {
            throw ApiException.badInput("input." + field, field + " must not be in the future");
        }
        return d;
    }

    private LocalDate checkedDate(LocalDate on, String field, Station current) {
        notFuture(on, field);
        if (on.isBefore(current.statusSince())) {
            throw ApiException.badInput("input." + field,
                    field + " must not be before the current status's date " + current.statusSince());
        }
        return on;
    }

    private StationKind kind(String code) {
        return kinds.all().stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.badInput("input.kind", "'" + code + "' is not a station kind of this bureau"));
    }

    private void checkParent(StationKind kind, UUID parentId, UUID self) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(self)) {
            throw ApiException.badInput("input.parentId", "a station cannot be its own parent");
        }
        Station parent = stations.findById(parentId)
                .orElseThrow(() -> ApiException.badInput("input.parentId", "parentId is not a station of this bureau"));
        if (!kind.parentKinds().contains(parent.kindCode())) {
            throw ApiException.badInput("input.parentId", "a " + kind.code() + " station cannot sit under a "
                    + parent.kindCode() + " station" + (kind.parentKinds().isEmpty() ? "" : "; allowed: " + kind.parentKinds()));
        }
    }

    private void checkDivision(UUID divisionId) {
        if (divisions.findById(divisionId).isEmpty()) {
            throw ApiException.badInput("input.divisionId", "divisionId is not a division of this bureau");
        }
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
