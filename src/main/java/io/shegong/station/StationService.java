package io.shegong.station;

import graphql.schema.DataFetchingEnvironment;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Like;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import io.shegong.division.DivisionRepository;
import io.shegong.station.Station.OperatingMode;
import io.shegong.station.Station.Status;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The station registry: list, create, update and move stations through their life cycle. */
@Singleton
public class StationService {
    private static final int MAX_CODES = 30;
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

    public StationService(StationRepository stations, StationKindRepository kinds,
                          StationStatusChangeRepository statusChanges, OperatorStationRepository operators,
                          DivisionRepository divisions, StationAccess access, ClosingHook closing) {
        this.stations = stations;
        this.kinds = kinds;
        this.statusChanges = statusChanges;
        this.operators = operators;
        this.divisions = divisions;
        this.access = access;
        this.closing = closing;
    }

    /** What else must happen when a station closes (its posts end). */
    public interface ClosingHook {
        void stationClosed(RequestContext ctx, UUID stationId, LocalDate on);
    }

    public Connection<Station> list(DataFetchingEnvironment env) {
        RequestContext ctx = RequestContext.of(env);
        ctx.caller().requireTenantMember();
        Input f = new Input(env.getArgument("filter"), "filter");
        StationRepository.Filter filter = new StationRepository.Filter(
                f.id("divisionId", "Division"), f.text("kind", 64), f.text("status", 20),
                f.text("operatingMode", 40), f.id("parentId", "Station"), f.text("text", 100));
        Connection.Window w = Connection.window(env);
        String text = Like.contains(filter.text());
        return Connection.of(stations.page(filter.divisionId(), filter.kind(), filter.status(), filter.operatingMode(),
                        filter.parentId(), text, w.afterKey(), w.limit() + 1), w,
                Station::code, Station::id, () -> stations.count(filter.divisionId(), filter.kind(), filter.status(),
                        filter.operatingMode(), filter.parentId(), text));
    }

    public List<StationKind> kinds(RequestContext ctx) {
        ctx.caller().requireTenantMember();
        return kinds.all();
    }

    public Station create(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        String code = in.code("code");
        if (code == null) {
            throw ApiException.badInput(in.path("code"), "code is required");
        }
        String name = in.requiredText("name", Input.MAX_TEXT);
        StationKind kind = kind(ctx, in, in.requiredText("kind", 64));
        String domain = in.code("domain");
        if (kind.requiresDomain() && domain == null) {
            throw ApiException.badInput(in.path("domain"), "a " + kind.code() + " station needs a domain");
        }
        UUID parentId = in.id("parentId", "Station");
        checkParent(ctx, in, kind, parentId, null);
        UUID divisionId = in.requiredId("divisionId", "Division");
        checkDivision(ctx, in, divisionId);
        OperatingMode mode = in.enumValue("operatingMode", OperatingMode.class);
        if (mode == null) {
            throw ApiException.badInput(in.path("operatingMode"), "operatingMode is required");
        }
        Status status = in.has("status") && in.enumValue("status", Status.class) != null
                ? in.enumValue("status", Status.class) : Status.PLANNED;
        if (status == Status.CLOSED) {
            throw ApiException.badInput(in.path("status"), "a new station cannot start CLOSED");
        }
        LocalDate since = in.pastDate("statusSince");
        Station st = new Station(UUID.randomUUID(), code, name, kind.code(), domain, parentId, divisionId,
                in.text("hostFacility", Input.MAX_TEXT), mode.name(), status.name(),
                since == null ? LocalDate.now() : since, in.text("address", Input.MAX_TEXT),
                in.number("latitude", -90, 90), in.number("longitude", -180, 180),
                orEmpty(in.codes("rooms", MAX_CODES)), orEmpty(in.codes("rules", MAX_CODES)), 1, null, null);
        if (stations.existsByCode(code)) {
            throw ApiException.conflict(in.path("code"), "A station with code '" + code + "' already exists");
        }
        return ctx.session().atomically(() -> {
            Station saved = stations.save(st);
            recordStatus(ctx, st.id(), st.status(), st.statusSince(), null);
            return saved;
        });
    }

    public Station update(RequestContext ctx, Input in) {
        Station current = current(ctx, in);
        access.requireEdit(ctx, current.id());
        int version = in.requiredInteger("version");
        StationKind kind = kind(ctx, in, current.kindCode());
        UUID parentId = in.has("parentId") ? in.id("parentId", "Station") : current.parentId();
        if (in.has("parentId")) {
            checkParent(ctx, in, kind, parentId, current.id());
        }
        UUID divisionId = in.has("divisionId") ? in.requiredId("divisionId", "Division") : current.divisionId();
        if (in.has("divisionId")) {
            checkDivision(ctx, in, divisionId);
        }
        String domain = in.has("domain") ? in.code("domain") : current.domain();
        if (kind.requiresDomain() && domain == null) {
            throw ApiException.badInput(in.path("domain"), "a " + kind.code() + " station needs a domain");
        }
        OperatingMode mode = in.has("operatingMode") ? in.enumValue("operatingMode", OperatingMode.class) : null;
        Station changed = new Station(current.id(), current.code(),
                in.has("name") ? in.requiredText("name", Input.MAX_TEXT) : current.name(),
                current.kindCode(), domain, parentId, divisionId,
                in.has("hostFacility") ? in.text("hostFacility", Input.MAX_TEXT) : current.hostFacility(),
                mode != null ? mode.name() : current.operatingMode(),
                current.status(), current.statusSince(),
                in.has("address") ? in.text("address", Input.MAX_TEXT) : current.address(),
                in.has("latitude") ? in.number("latitude", -90, 90) : current.latitude(),
                in.has("longitude") ? in.number("longitude", -180, 180) : current.longitude(),
                in.has("rooms") ? orEmpty(in.codes("rooms", MAX_CODES)) : current.rooms(),
                in.has("rules") ? orEmpty(in.codes("rules", MAX_CODES)) : current.rules(),
                version, current.createdAt(), current.updatedAt());
        return save(ctx, in, changed, version);
    }

    public Station changeStatus(RequestContext ctx, Input in) {
        Station current = current(ctx, in);
        access.requireEdit(ctx, current.id());
        int version = in.requiredInteger("version");
        Status next = in.enumValue("status", Status.class);
        if (next == Status.CLOSED) {
            return close(ctx, in, current, version, in.requiredDate("effectiveOn"));
        }
        LocalDate on = checkedDate(in, "effectiveOn", current);
        if (!NEXT.get(current.currentStatus()).contains(next)) {
            throw ApiException.badInput(in.path("status"),
                    "a " + current.status() + " station cannot become " + next);
        }
        return ctx.session().atomically(() -> {
            Station saved = save(ctx, in, current.withStatus(next, on), version);
            recordStatus(ctx, current.id(), next.name(), on, in.text("note", Input.MAX_LONG_TEXT));
            return saved;
        });
    }

    public Station close(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        Station current = current(ctx, in);
        return close(ctx, in, current, in.requiredInteger("version"), in.requiredDate("closedOn"));
    }

    private Station close(RequestContext ctx, Input in, Station current, int version, LocalDate on) {
        ctx.caller().requireTenantAdmin();
        if (current.currentStatus() == Status.CLOSED) {
            throw ApiException.badInput(in.path("id"), "the station is already closed");
        }
        String dateField = in.has("closedOn") ? "closedOn" : "effectiveOn";
        checkedDate(in, dateField, current);
        return ctx.session().atomically(() -> {
            Station saved = save(ctx, in, current.withStatus(Status.CLOSED, on), version);
            recordStatus(ctx, current.id(), Status.CLOSED.name(), on, in.text("note", Input.MAX_LONG_TEXT));
            closing.stationClosed(ctx, current.id(), on);
            return saved;
        });
    }

    public Station grant(RequestContext ctx, Input in) {
        ctx.caller().requireTenantAdmin();
        String subject = in.requiredText("subject", Input.MAX_TEXT);
        UUID stationId = in.requiredId("stationId", "Station");
        Station st = stations.findById(stationId)
                .orElseThrow(() -> ApiException.notFound(in.path("stationId"), "Station"));
        return ctx.session().atomically(() -> {
            operators.grant(subject, stationId);
            return st;
        });
    }

    /**
     * Writes the station at the version the client read. The row was read just before, in the
     * same transaction, so a failed version check means someone else changed it, not that the
     * row is hidden.
     */
    private Station save(RequestContext ctx, Input in, Station changed, int version) {
        return ctx.session().atomically(() -> {
            try {
                return stations.update(changed.atVersion(version));
            } catch (OptimisticLockException stale) {
                throw ApiException.conflict(in.path("version"),
                        "The station was changed by someone else; reload it and apply your change again");
            }
        });
    }

    private void recordStatus(RequestContext ctx, UUID stationId, String status, LocalDate on, String note) {
        statusChanges.save(new StationStatusChange(UUID.randomUUID(), stationId, status, on, note,
                ctx.caller().subject(), null));
    }

    private Station current(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        UUID id = in.requiredId("id", "Station");
        return stations.findById(id).orElseThrow(() -> ApiException.notFound(in.path("id"), "Station"));
    }

    private LocalDate checkedDate(Input in, String field, Station current) {
        LocalDate on = in.pastDate(field);
        if (on == null) {
            throw ApiException.badInput(in.path(field), field + " is required");
        }
        if (on.isBefore(current.statusSince())) {
            throw ApiException.badInput(in.path(field),
                    field + " must not be before the current status's date " + current.statusSince());
        }
        return on;
    }

    private StationKind kind(RequestContext ctx, Input in, String code) {
        return kinds.all().stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.badInput(in.path("kind"), "'" + code + "' is not a station kind of this bureau"));
    }

    private void checkParent(RequestContext ctx, Input in, StationKind kind, UUID parentId, UUID self) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(self)) {
            throw ApiException.badInput(in.path("parentId"), "a station cannot be its own parent");
        }
        Station parent = stations.findById(parentId)
                .orElseThrow(() -> ApiException.badInput(in.path("parentId"), "parentId is not a station of this bureau"));
        if (!kind.parentKinds().contains(parent.kindCode())) {
            throw ApiException.badInput(in.path("parentId"), "a " + kind.code() + " station cannot sit under a "
                    + parent.kindCode() + " station" + (kind.parentKinds().isEmpty() ? "" : "; allowed: " + kind.parentKinds()));
        }
    }

    private void checkDivision(RequestContext ctx, Input in, UUID divisionId) {
        if (divisions.findById(divisionId).isEmpty()) {
            throw ApiException.badInput(in.path("divisionId"), "divisionId is not a division of this bureau");
        }
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
