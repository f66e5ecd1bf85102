package io.shegong.compliance;

import io.shegong.activity.CaseCount;
import io.shegong.activity.FeaturedCaseRepository;
import io.shegong.calendar.DueItemCompletion;
import io.shegong.calendar.DueItemCompletionRepository;
import io.shegong.catalogue.ServicePlan;
import io.shegong.supervision.SupervisionFinding;
import io.shegong.supervision.SupervisionFindingRepository;
import io.shegong.target.Designation;
import io.shegong.target.DesignationRepository;
import io.shegong.catalogue.ServicePlanRepository;
import io.shegong.core.db.Ids;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.WorkerData;
import io.shegong.policy.WorkerFacts;
import io.shegong.station.Station;
import io.shegong.station.StationStatusChange;
import io.shegong.station.StationStatusChangeRepository;
import io.shegong.worker.Assignment;
import io.shegong.worker.AssignmentRepository;
import io.shegong.worker.FirstStart;
import io.shegong.worker.PostWithWorker;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.TrainingRecord;
import io.shegong.worker.TrainingRecordRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads what the engine reads for any number of stations, as they stood on a date, in a fixed
 * number of queries (statuses, divisions, posts, workers, their training and their post
 * history), never one per station.
 */
@Singleton
public class ComplianceData {
    private final DivisionRepository divisions;
    private final WorkerRepository workers;
    private final TrainingRecordRepository trainingRecords;
    private final AssignmentRepository assignments;
    private final ServicePlanRepository plans;
    private final StationStatusChangeRepository statusChanges;
    private final FeaturedCaseRepository featuredCases;
    private final SupervisionFindingRepository rectifications;
    private final DueItemCompletionRepository completions;
    private final DesignationRepository designationRows;

    public ComplianceData(DivisionRepository divisions, WorkerRepository workers, TrainingRecordRepository trainingRecords,
                          AssignmentRepository assignments, ServicePlanRepository plans,
                          StationStatusChangeRepository statusChanges, FeaturedCaseRepository featuredCases,
                          SupervisionFindingRepository rectifications, DueItemCompletionRepository completions,
                          DesignationRepository designationRows) {
        this.designationRows = designationRows;
        this.rectifications = rectifications;
        this.completions = completions;
        this.statusChanges = statusChanges;
        this.featuredCases = featuredCases;
        this.divisions = divisions;
        this.workers = workers;
        this.trainingRecords = trainingRecords;
        this.assignments = assignments;
        this.plans = plans;
    }

    /** Workers with their training and the date of their first post, keyed by id. */
    public record Workers(Map<UUID, WorkerData> data, Map<UUID, LocalDate> firstStart, Map<UUID, List<Assignment>> posts) {
    }

    public List<StationData> stations(List<Station> stations, LocalDate on) {
        if (stations.isEmpty()) {
            return List.of();
        }
        Map<UUID, Division> byDivision = divisions.asOf(Ids.array(stations.stream().map(Station::divisionId)
                        .collect(Collectors.toSet())), on)
                .stream().collect(Collectors.toMap(Division::id, Function.identity()));
        // the whole history in one statement: the status on the day is its last change by then, and
        // the calendar dates a station's events (signed, operating) from it
        Map<UUID, List<StationStatusChange>> history = statusChanges.ofStations(Ids.array(stations.stream().map(Station::id).toList()))
                .stream().collect(Collectors.groupingBy(StationStatusChange::stationId));
        Map<UUID, String> statusOn = new HashMap<>();
        history.forEach((id, changes) -> changes.stream().filter(c -> !c.effectiveOn().isAfter(on))
                .reduce((a, b) -> b).ifPresent(c -> statusOn.put(id, c.status())));
        // the posts current on the day with their workers in one statement, the workers' training,
        // designations and first post's day in three more: the report's bulk, kept to four reads
        List<PostWithWorker> posts = assignments.atStationsWithWorkers(Ids.array(stations.stream().map(Station::id).toList()))
                .stream().filter(p -> p.post().currentOn(on)).toList();
        String[] workerIds = Ids.array(posts.stream().map(PostWithWorker::workerId).collect(Collectors.toSet()));
        Map<UUID, List<WorkerData.Training>> training = training(workerIds);
        Map<UUID, List<WorkerData.Designation>> titles = designations(workerIds);
        Map<UUID, LocalDate> first = assignments.firstStarts(workerIds).stream()
                .collect(Collectors.toMap(FirstStart::workerId, FirstStart::day));
        Map<UUID, WorkerData> workerData = new HashMap<>();
        Map<UUID, List<StationData.Post>> byStation = new HashMap<>();
        Map<UUID, String> modes = stations.stream().collect(Collectors.toMap(Station::id, Station::operatingMode));
        for (PostWithWorker p : posts) {
            Assignment a = p.post();
            WorkerData w = workerData.computeIfAbsent(a.workerId(),
                    id -> data(p.worker(), training.getOrDefault(id, List.of()), titles.getOrDefault(id, List.of())));
            LocalDate firstStart = first.get(a.workerId());
            byStation.computeIfAbsent(a.stationId(), k -> new ArrayList<>()).add(new StationData.Post(a, w, firstStart,
                    WorkerFacts.of(w.inPost(a.fullTime()), a.role(), modes.get(a.stationId()), firstStart, on)));
        }
        Map<UUID, ServicePlan> planOfYear = plans.ofStations(Ids.array(stations.stream().map(Station::id).toList())).stream()
                .filter(p -> p.year() == on.getYear()).collect(Collectors.toMap(ServicePlan::stationId, Function.identity()));
        Map<UUID, Map<String, Integer>> cases = new HashMap<>();
        for (CaseCount c : featuredCases.counts(Ids.array(stations.stream().map(Station::id).toList()), on.getYear(), on)) {
            cases.computeIfAbsent(c.stationId(), k -> new HashMap<>()).put(c.kind(), c.n().intValue());
        }
        Map<UUID, List<SupervisionFinding>> owed = rectifications.dueBefore(Ids.array(stations.stream().map(Station::id).toList()), on)
                .stream().collect(Collectors.groupingBy(SupervisionFinding::stationId));
        // the completions of the year before the day, the span its overdue items are found over
        Map<UUID, List<DueItemCompletion>> done = completions.ofStations(Ids.array(stations.stream().map(Station::id).toList()),
                on.getYear() - 1, on.getYear()).stream().collect(Collectors.groupingBy(DueItemCompletion::stationId));
        return stations.stream().map(st -> new StationData(st, statusOn.get(st.id()), byDivision.get(st.divisionId()),
                byStation.getOrDefault(st.id(), List.of()), planOfYear.get(st.id()), cases.getOrDefault(st.id(), Map.of()),
                owed.getOrDefault(st.id(), List.of()), history.getOrDefault(st.id(), List.of()),
                done.getOrDefault(st.id(), List.of()))).toList();
    }

    public Workers workers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new Workers(Map.of(), Map.of(), Map.of());
        }
        Set<UUID> set = new HashSet<>(ids);
        Map<UUID, List<WorkerData.Training>> training = training(Ids.array(set));
        Map<UUID, List<WorkerData.Designation>> titles = designations(Ids.array(set));
        Map<UUID, List<Assignment>> posts = assignments.ofWorkers(Ids.array(set)).stream()
                .collect(Collectors.groupingBy(Assignment::workerId));
        Map<UUID, WorkerData> data = new HashMap<>();
        Map<UUID, LocalDate> first = new HashMap<>();
        for (SocialWorker w : workers.byIds(Ids.array(set))) {
            data.put(w.id(), data(w, training.getOrDefault(w.id(), List.of()), titles.getOrDefault(w.id(), List.of())));
            posts.getOrDefault(w.id(), List.of()).stream().map(Assignment::startsOn).min(LocalDate::compareTo)
                    .ifPresent(d -> first.put(w.id(), d));
        }
        return new Workers(data, first, posts);
    }

    private Map<UUID, List<WorkerData.Training>> training(String[] workerIds) {
        Map<UUID, List<WorkerData.Training>> training = new HashMap<>();
        for (TrainingRecord t : trainingRecords.ofWorkers(workerIds)) {
            training.computeIfAbsent(t.workerId(), k -> new ArrayList<>())
                    .add(new WorkerData.Training(t.hours(), t.completedOn(), t.provider(), t.topic()));
        }
        return training;
    }

    /** The workers' designations, which rules on leading talents and supervisors read. */
    private Map<UUID, List<WorkerData.Designation>> designations(String[] workerIds) {
        Map<UUID, List<WorkerData.Designation>> held = new HashMap<>();
        for (Designation d : designationRows.ofWorkers(workerIds)) {
            held.computeIfAbsent(d.workerId(), k -> new ArrayList<>())
                    .add(new WorkerData.Designation(d.kind(), d.level(), d.awardedOn(), d.endsOn()));
        }
        return held;
    }

    static WorkerData data(SocialWorker w, List<WorkerData.Training> training, List<WorkerData.Designation> designations) {
        return new WorkerData(w.id(), w.name(), w.birthDate(), w.educationLevel(), w.educationMajor(),
                w.certificateLevel(), w.certificateDate(), w.socialWorkYears(), w.communityWorkYears(), w.fullTime(),
                w.lastRecordCheckOn(), training, designations);
    }
}
