package io.shegong.compliance;

import io.shegong.calendar.DueItemCompletion;
import io.shegong.catalogue.ServicePlan;
import io.shegong.division.Division;
import io.shegong.policy.WorkerData;
import io.shegong.station.Station;
import io.shegong.station.StationStatusChange;
import io.shegong.worker.Assignment;

import java.util.List;

/**
 * A station as it stood on the evaluation date, as the engine reads it: its status then (null
 * when not yet registered), its division with the attributes of then, the posts current then,
 * its featured cases of the year counted by kind as they stood on the day, and the supervisors'
 * rectifications whose deadline had passed by then; for its calendar, its status history (oldest
 * first) and the completions of its items of the year before.
 */
public record StationData(Station station, String statusOn, Division division, List<Post> posts, ServicePlan plan,
                          java.util.Map<String, Integer> casesByKind,
                          List<io.shegong.supervision.SupervisionFinding> rectifications,
                          List<StationStatusChange> history, List<DueItemCompletion> completions) {

    /**
     * A post with its worker, and the worker as the rules see them in it on the day: computed
     * once per post, since every rule of the station reads the same facts.
     */
    public record Post(Assignment assignment, WorkerData worker, java.time.LocalDate firstStart,
                       java.util.Map<String, Object> facts) {
    }
}
