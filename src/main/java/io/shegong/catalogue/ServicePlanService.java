package io.shegong.catalogue;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.audit.AuditLog;
import io.shegong.catalogue.ServicePlanCommands.SaveServicePlan;
import io.shegong.catalogue.ServicePlanCommands.ServiceProject;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
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
    private final ServicePlanRepository plans;
    private final StationRepository stations;
    private final StationAccess access;
    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final AuditLog audit;
    private final BureauCalendar calendar;

    public ServicePlanService(ServicePlanRepository plans, StationRepository stations, StationAccess access,
                              PolicyRepository profiles, PolicyService policies, AuditLog audit,
                              BureauCalendar calendar) {
        this.plans = plans;
        this.stations = stations;
        this.access = access;
        this.profiles = profiles;
        this.policies = policies;
        this.audit = audit;
        this.calendar = calendar;
    }

    /**
     * The day of its year a plan is checked on: a plan belongs to its year's profile, so next
     * year's plan is checked against the revision in force when that year begins (a revision
     * published for it), and last year's against the one in force when it ended.
     */
    static LocalDate dayOf(int year, LocalDate today) {
        if (year == today.getYear()) {
            return today;
        }
        return year > today.getYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
    }

    public ServicePlan save(Caller caller, SaveServicePlan c) {
        caller.requireTenantMember();
        UUID stationId = c.stationId();
        Station station = stations.findById(stationId)
                .orElseThrow(() -> ApiException.badInput("input.stationId", "stationId is not a station of this bureau"));
        access.requireEdit(caller, stationId);
        int year = c.year();
        LocalDate judgedOn = dayOf(year, calendar.today());
        PolicyProfile profile = profiles.inForce(judgedOn).orElseThrow(() -> ApiException.badInput("input.year",
                "the bureau has no policy profile in force on " + judgedOn + " for a " + year + " plan"));
        Catalogue catalogue = policies.compile(profile).catalogue();
        Catalogue.Model model = catalogue.modelFor(station.kindCode()).orElseThrow(() ->
                ApiException.badInput("input.stationId", "the catalogue has no service model for " + station.kindCode() + " stations"));
        List<ServicePlan.Project> projects = projects(c.projects(), model, catalogue);
        var existing = plans.findByStationIdAndYear(stationId, year);
        ServicePlan saved = existing.isEmpty()
                ? plans.save(new ServicePlan(UUID.randomUUID(), stationId, year, projects, 1, caller.subject(), null))
                : replace(c.version(), existing.get(), projects);
        audit.note("ServicePlan", saved.id(),
                existing.map(p -> Map.<String, Object>of("projects", p.projects().size())).orElse(null),
                Map.of("year", year, "projects", projects.stream().map(ServicePlan.Project::name).toList()));
        return saved;
    }

    /**
     * Writes the plan's projects at the version the client read. The plan was read just before,
     * in the same transaction, so a failed version check means someone else changed it.
     */
    private ServicePlan replace(Integer version, ServicePlan existing, List<ServicePlan.Project> projects) {
        if (version == null) {
            throw stale();
        }
        try {
            return plans.update(existing.withProjects(projects, version));
        } catch (OptimisticLockException e) {
            throw stale();
        }
    }

    private static ApiException stale() {
        return ApiException.conflict("input.version", "The plan was changed since the version given; reload it");
    }

    /** The projects as the plan keeps them, each in a slot (and item) of the station's model and none excluded. */
    private static List<ServicePlan.Project> projects(List<ServiceProject> given, Catalogue.Model model, Catalogue catalogue) {
        List<ServicePlan.Project> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ServiceProject p = given.get(i);
            String at = "input.projects[" + i + "].";
            String slotCode = p.slot();
            String item = p.item();
            boolean excluded = catalogue.excluded().stream().anyMatch(e -> e.code().equals(item) || e.code().equals(slotCode));
            if (excluded) {
                Catalogue.Item e = catalogue.excluded().stream().filter(x -> x.code().equals(item) || x.code().equals(slotCode))
                        .findFirst().orElseThrow();
                throw ApiException.badInput(at + (item != null ? "item" : "slot"),
                        "“" + e.labelZh() + "” must not be listed as a station service (" + e.labelEn() + ")");
            }
            Catalogue.Slot slot = model.slots().stream().filter(s -> s.code().equals(slotCode)).findFirst()
                    .orElseThrow(() -> ApiException.badInput(at + "slot", "'" + slotCode + "' is not a slot of " + model.code()));
            if (!slot.items().isEmpty() && (item == null || slot.items().stream().noneMatch(x -> x.code().equals(item)))) {
                throw ApiException.badInput(at + "item", "item must be one of the slot's items: "
                        + slot.items().stream().map(Catalogue.Item::code).toList());
            }
            out.add(new ServicePlan.Project(p.name(), slotCode, item, p.description()));
        }
        return out;
    }
}
