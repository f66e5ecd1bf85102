package io.shegong.compliance;

import io.shegong.catalogue.ServicePlan;
import io.shegong.division.Division;
import io.shegong.policy.WorkerData;
import io.shegong.station.Station;
import io.shegong.worker.Assignment;

import java.util.List;

/** A station with its division and its posts on the evaluation date, as the engine reads them. */
public record StationData(Station station, Division division, List<Post> posts, ServicePlan plan) {

    public record Post(Assignment assignment, WorkerData worker, java.time.LocalDate firstStart) {
    }
}
