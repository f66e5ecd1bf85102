package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyProfile;
import io.shegong.station.Station;

import java.time.LocalDate;
import java.util.List;

/** A station's findings on a date under the profile in force then. */
public record StationCompliance(LocalDate on, PolicyProfile profile, Station station, List<Finding> findings) {

    public int violations() {
        return (int) findings.stream().filter(f -> f.severity() == Severity.VIOLATION).count();
    }

    public int advisories() {
        return (int) findings.stream().filter(f -> f.severity() == Severity.ADVISORY).count();
    }

    /** Rules that could not be evaluated here: a fault in the profile, counted apart from findings about the station. */
    public int unevaluated() {
        return (int) findings.stream().filter(Finding::unevaluated).count();
    }

    public boolean compliant() {
        return violations() == 0;
    }
}
