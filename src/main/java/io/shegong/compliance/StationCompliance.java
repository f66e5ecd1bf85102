package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyProfile;
import io.shegong.station.Station;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A station's findings on a date under the profile in force then, with the status it had that
 * day (null when it was not yet registered).
 */
public record StationCompliance(LocalDate on, PolicyProfile profile, Station station, String statusOn,
                                List<Finding> findings, int violations, int advisories) {

    /** Counted once: a report sorts and totals its stations by them. */
    public StationCompliance(LocalDate on, PolicyProfile profile, Station station, String statusOn, List<Finding> findings) {
        this(on, profile, station, statusOn, findings, count(findings, Severity.VIOLATION), count(findings, Severity.ADVISORY));
    }

    private static int count(List<Finding> findings, Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** The statuses in which a station is checked: it has a contract or runs. */
    public static final Set<String> CHECKED = Set.of("SIGNED", "OPERATING", "SUSPENDED");

    /** Whether the station could be judged on the day, and how it stood. */
    public enum Standing { COMPLIANT, NOT_COMPLIANT, NO_PROFILE, NOT_CHECKED }

    /** Rules that could not be evaluated here: a fault in the profile, counted apart from findings about the station. */
    public int unevaluated() {
        return (int) findings.stream().filter(Finding::unevaluated).count();
    }

    /** What could not be judged for lack of data: no profile, a division without the attribute a rule needs. */
    public int undetermined() {
        return (int) findings.stream().filter(f -> f.severity() == Severity.INFO && !f.unevaluated()).count();
    }

    public Standing standing() {
        if (profile == null) {
            return Standing.NO_PROFILE;
        }
        if (statusOn == null || !CHECKED.contains(statusOn)) {
            return Standing.NOT_CHECKED;
        }
        return violations() == 0 ? Standing.COMPLIANT : Standing.NOT_COMPLIANT;
    }

    /** Null when the station was not judged: with no profile in force, nothing can be called compliant. */
    public Boolean compliant() {
        return switch (standing()) {
            case COMPLIANT -> true;
            case NOT_COMPLIANT -> false;
            case NO_PROFILE, NOT_CHECKED -> null;
        };
    }

    public boolean passes() {
        return standing() == Standing.COMPLIANT;
    }
}
