package io.shegong.target;

import io.shegong.division.Division;
import io.shegong.policy.Target;

import java.time.LocalDate;
import java.util.List;

/**
 * A target on a day: the measure's value against the threshold, and what lacks. `registry` is
 * kept to answer the target's monthly history without reading again.
 */
public record TargetStatus(Target target, LocalDate on, Integer value, Integer base, State state, Integer shortfall,
                           List<Division> lackingDivisions, List<HostFacility> lackingFacilities, Registry registry) {

    /** Where a target stands on a day. */
    public enum State {
        /** The threshold holds. */
        MET,
        /** Its day has not come and the threshold does not hold yet. */
        PENDING,
        /** Its day has passed, or it has none and holds throughout, and the threshold does not hold. */
        UNMET,
        /** Stated in words the registry cannot count. */
        NOT_MEASURED
    }

    /** The number the threshold asks on the day; null when not measured. */
    public Integer needed() {
        return target.threshold() == null ? null : needed(target.threshold(), base);
    }

    static TargetStatus of(Target t, LocalDate on, Registry registry) {
        if (t.measure() == null) {
            return new TargetStatus(t, on, null, null, State.NOT_MEASURED, null, List.of(), List.of(), registry);
        }
        Registry.Count c = registry.count(t.measure(), on);
        int needed = needed(t.threshold(), c.base());
        int shortfall = Math.max(0, needed - c.value());
        State state = shortfall == 0 ? State.MET : t.by() != null && on.isBefore(t.by()) ? State.PENDING : State.UNMET;
        return new TargetStatus(t, on, c.value(), c.base(), state, shortfall, c.lackingDivisions(), c.lackingFacilities(), registry);
    }

    /**
     * The number the threshold asks of a whole: the larger of `atLeast` and the share of the whole,
     * rounded up. A share asks for one at least: "every school" is not met by a registry that holds
     * no school yet.
     */
    static int needed(Target.Threshold th, Integer base) {
        int byShare = th.share() == null || base == null ? 0 : Math.max(1, (int) Math.ceil(th.share() * base - 1e-9));
        return Math.max(th.atLeast() == null ? 0 : th.atLeast(), byShare);
    }

    /** The measure at the end of a month (or on `on`, for the month it falls in). */
    public record Point(String month, LocalDate on, int value, boolean met) {
    }
}
