package io.shegong.catalogue;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.audit.AuditLog;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import io.shegong.policy.Catalogue;
import io.shegong.policy.PolicyProfile;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Saving a station's annual service plan. Cardinalities are checked as compliance; references and exclusions on save. */
@Singleton
public class ServicePlanService {
    private static final int MAX_PROJECTS = 100;
    private final ServicePlanRepository plans;
    private final StationRepository stations;
    private final StationAccess access;
    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final AuditLog audit;

    public ServicePlanService(ServicePlanRepository plans, StationRepository stations, StationAccess access,
                              PolicyRepository profiles, PolicyService policies, AuditLog audit) {
        this.plans = plans;
        this.stations = stations;
        this.access = access;
        this.profiles = profiles;
        this.policies = policies;
        this.audit = audit;
    }

    public ServicePlan save(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        UUID stationId = in.requiredId("stationId", "Station");
        Station station = stations.findById(stationId)
                .orElseThrow(() -> ApiException.badInput(in.path("stationId"), "stationId is not a station of this bureau"));
        access.requireEdit(ctx, stationId);
        Integer year = in.integer("year", 2000, 2100);
        if (year == null) {
            throw ApiException.badInput(in.path("year"), "year is required");
        }
        PolicyProfile profile = profiles.inForce(LocalDate.now())
                .orElseThrow(() -> ApiException.badInput(in.path("stationId"), "the bureau has no policy profile in force"));
        Catalogue catalogue = policies.compile(profile).catalogue();
        Catalogue.Model model = catalogue.modelFor(station.kindCode()).orElseThrow(() ->
                ApiException.badInput(in.path("stationId"), "the catalogue has no service model for " + station.kindCode() + " stations"));
        List<ServicePlan.Project> projects = projects(in, model, catalogue);
        var existing = plans.findByStationIdAndYear(stationId, year);
        return ctx.session().atomically(() -> {
            ServicePlan saved = existing.isEmpty()
                    ? plans.save(new ServicePlan(UUID.randomUUID(), stationId, year, projects, 1, ctx.caller().subject(), null))
                    : replace(in, existing.get(), projects);
            audit.note("ServicePlan", saved.id(),
                    existing.map(p -> Map.<String, Object>of("projects", p.projects().size())).orElse(null),
                    Map.of("year", year, "projects", projects.stream().map(ServicePlan.Project::name).toList()));
            return saved;
        });
    }

    /**
     * Writes the plan's projects at the version the client read. The plan was read just before,
     * in the same transaction, so a failed version check means someone else changed it.
     */
    private ServicePlan replace(Input in, ServicePlan existing, List<ServicePlan.Project> projects) {
        Integer version = in.integer("version", 0, Integer.MAX_VALUE);
        if (version == null) {
            throw stale(in);
        }
        try {
            return plans.update(existing.withProjects(projects, version));
        } catch (OptimisticLockException e) {
            throw stale(in);
        }
    }

    private static ApiException stale(Input in) {
        return ApiException.conflict(in.path("version"), "The plan was changed since the version given; reload it");
    }

    private static List<ServicePlan.Project> projects(Input in, Catalogue.Model model, Catalogue catalogue) {
        Object raw = in.raw("projects");
        List<?> list = raw instanceof List<?> l ? l : List.of();
        if (list.size() > MAX_PROJECTS) {
            throw ApiException.badInput(in.path("projects"), "at most " + MAX_PROJECTS + " projects");
        }
        List<ServicePlan.Project> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            @SuppressWarnings("unchecked")
            Input p = new Input((Map<String, Object>) list.get(i), in.path("projects") + "[" + i + "]");
            String name = p.requiredText("name", Input.MAX_TEXT);
            String slotCode = p.requiredText("slot", 64);
            String item = p.text("item", 64);
            boolean excluded = catalogue.excluded().stream().anyMatch(e -> e.code().equals(item) || e.code().equals(slotCode));
            if (excluded) {
                Catalogue.Item e = catalogue.excluded().stream().filter(x -> x.code().equals(item) || x.code().equals(slotCode))
                        .findFirst().orElseThrow();
                throw ApiException.badInput(p.path(item != null ? "item" : "slot"),
                        "“" + e.labelZh() + "” must not be listed as a station service (" + e.labelEn() + ")");
            }
            Catalogue.Slot slot = model.slots().stream().filter(s -> s.code().equals(slotCode)).findFirst()
                    .orElseThrow(() -> ApiException.badInput(p.path("slot"), "'" + slotCode + "' is not a slot of " + model.code()));
            if (!slot.items().isEmpty() && (item == null || slot.items().stream().noneMatch(x -> x.code().equals(item)))) {
                throw ApiException.badInput(p.path("item"), "item must be one of the slot's items: "
                        + slot.items().stream().map(Catalogue.Item::code).toList());
            }
            out.add(new ServicePlan.Project(name, slotCode, item, p.text("description", Input.MAX_LONG_TEXT)));
        }
        return out;
    }
}
