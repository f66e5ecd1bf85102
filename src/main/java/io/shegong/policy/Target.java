package io.shegong.policy;

import io.shegong.core.error.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A target (目标) the bureau's document sets for its network, to be reached by a day or held
 * throughout: a measure the registry counts, a threshold, and the source. A target the document
 * states in words no registry can count ("a set of brand projects") has no measure: it is listed,
 * never judged.
 */
public record Target(String code, String labelZh, String labelEn, String source, Measure measure,
                     Threshold threshold, LocalDate by) {

    /** What the registry counts, on any day. */
    public enum MeasureKind {
        /** Stations of the kinds (and domain) operating. */
        OPERATING_STATIONS,
        /** Divisions of a level with an operating station of the kinds located in them or below. */
        COVERED_DIVISIONS,
        /** Stations of the kinds holding a designation at one of the levels. */
        DESIGNATED_STATIONS,
        /** Workers holding a designation at one of the levels. */
        DESIGNATED_WORKERS,
        /** Facilities of a kind (schools) served by an operating station. */
        SERVED_FACILITIES,
        /** Workers holding a certificate of at least a rank, obtained by the day. */
        CERTIFIED_WORKERS
    }

    /**
     * `stationKinds` empty means every kind. `level` is a division level for COVERED_DIVISIONS;
     * `designation` and `levels` (empty: any) for the designated measures; `facility` for
     * SERVED_FACILITIES; `minimumRank` (1 assistant … 3 senior) for CERTIFIED_WORKERS.
     */
    public record Measure(MeasureKind kind, List<String> stationKinds, String domain, String level, String designation,
                          List<String> levels, String facility, int minimumRank) {
        /** Whether the measure has a whole to take a share of: the divisions of its level, or the facilities. */
        public boolean hasBase() {
            return kind == MeasureKind.COVERED_DIVISIONS || kind == MeasureKind.SERVED_FACILITIES;
        }
    }

    /** At least a number, or a share of the measure's whole (1 = every one), or both. */
    public record Threshold(Integer atLeast, Double share) {
    }

    static final Set<String> DIVISION_LEVELS = Set.of("CITY", "DISTRICT", "STREET", "COMMUNITY");
    static final Set<String> DESIGNATIONS = Set.of("DEMONSTRATION", "LEADING_TALENT", "SUPERVISOR");
    static final Set<String> DESIGNATION_LEVELS = Set.of("NATIONAL", "PROVINCIAL", "CITY", "DISTRICT");
    static final Set<String> FACILITIES = Set.of("SCHOOL");
    private static final List<String> FLAT = List.of("value", "kinds", "perDivision", "perStation", "domain");

    /** The targets of a profile document; the path of the first fault otherwise. */
    static List<Target> parse(DocumentReader doc, Set<String> kindCodes, PolicyDocument.Vocabularies vocabularies) {
        List<Target> targets = doc.objects("targets", (t, i) -> target(t, kindCodes, vocabularies));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!seen.add(targets.get(i).code())) {
                throw ApiException.badInput(doc.at("targets") + "[" + i + "].code", "code '" + targets.get(i).code() + "' is used twice");
            }
        }
        return targets;
    }

    private static Target target(DocumentReader t, Set<String> kindCodes, PolicyDocument.Vocabularies vocabularies) {
        for (String flat : FLAT) {
            // the untyped form counted nothing: refused with the way to say it now, never dropped unnoticed
            if (t.has(flat)) {
                throw ApiException.badInput(t.at(flat), flat + " is now part of measure ({kind, stationKinds, domain, level, ...}) "
                        + "and threshold ({atLeast, share})");
            }
        }
        LocalDate by = null;
        String byText = t.text("by", false);
        if (byText != null) {
            try {
                by = LocalDate.parse(byText);
            } catch (DateTimeParseException e) {
                throw ApiException.badInput(t.at("by"), "by must be a real date YYYY-MM-DD, not '" + byText + "'");
            }
        }
        DocumentReader m = t.object("measure");
        DocumentReader th = t.object("threshold");
        Measure measure = m == null ? null : measure(m, kindCodes, vocabularies);
        if ((measure == null) != (th == null)) {
            throw ApiException.badInput(measure == null ? t.at("threshold") : t.at("threshold"),
                    "a measure and a threshold come together; a target the registry cannot count has neither");
        }
        Threshold threshold = th == null ? null : threshold(th, measure);
        return new Target(t.code("code", true), t.text("labelZh", true), t.text("labelEn", true), t.text("source", true),
                measure, threshold, by);
    }

    private static Measure measure(DocumentReader m, Set<String> kindCodes, PolicyDocument.Vocabularies vocabularies) {
        MeasureKind kind = m.enumValue("kind", MeasureKind.class, null);
        if (kind == null) {
            throw ApiException.badInput(m.at("kind"), "kind is required: one of " + List.of(MeasureKind.values()));
        }
        List<String> stationKinds = m.codes("stationKinds");
        for (int i = 0; i < stationKinds.size(); i++) {
            if (!kindCodes.contains(stationKinds.get(i))) {
                throw ApiException.badInput(m.at("stationKinds") + "[" + i + "]", "'" + stationKinds.get(i)
                        + "' is not a station kind of the profile");
            }
        }
        String domain = m.code("domain", false);
        if (domain != null) {
            vocabularies.require("domains", m.at("domain"), domain);
        }
        String level = m.text("level", kind == MeasureKind.COVERED_DIVISIONS);
        if (level != null && (kind != MeasureKind.COVERED_DIVISIONS || !DIVISION_LEVELS.contains(level))) {
            throw ApiException.badInput(m.at("level"), kind == MeasureKind.COVERED_DIVISIONS
                    ? "level must be a division level: " + DIVISION_LEVELS : "level is for COVERED_DIVISIONS only");
        }
        boolean designated = kind == MeasureKind.DESIGNATED_STATIONS || kind == MeasureKind.DESIGNATED_WORKERS;
        String designation = m.text("designation", designated);
        if (designation != null) {
            Set<String> allowed = kind == MeasureKind.DESIGNATED_STATIONS ? Set.of("DEMONSTRATION")
                    : kind == MeasureKind.DESIGNATED_WORKERS ? Set.of("LEADING_TALENT", "SUPERVISOR") : Set.of();
            if (!allowed.contains(designation)) {
                throw ApiException.badInput(m.at("designation"), allowed.isEmpty() ? "designation is for the designated measures only"
                        : "designation must be one of " + allowed + " for " + kind);
            }
        }
        List<String> levels = m.texts("levels");
        for (int i = 0; i < levels.size(); i++) {
            if (!designated || !DESIGNATION_LEVELS.contains(levels.get(i))) {
                throw ApiException.badInput(m.at("levels") + "[" + i + "]", designated
                        ? "levels are designation levels: " + DESIGNATION_LEVELS : "levels are for the designated measures only");
            }
        }
        String facility = m.text("facility", kind == MeasureKind.SERVED_FACILITIES);
        if (facility != null && (kind != MeasureKind.SERVED_FACILITIES || !FACILITIES.contains(facility))) {
            throw ApiException.badInput(m.at("facility"), kind == MeasureKind.SERVED_FACILITIES
                    ? "facility must be one of " + FACILITIES : "facility is for SERVED_FACILITIES only");
        }
        Integer rank = m.integer("minimumRank", 1);
        if (rank != null && (kind != MeasureKind.CERTIFIED_WORKERS || rank > 3)) {
            throw ApiException.badInput(m.at("minimumRank"), kind == MeasureKind.CERTIFIED_WORKERS
                    ? "minimumRank is 1 (assistant), 2 (intermediate) or 3 (senior)" : "minimumRank is for CERTIFIED_WORKERS only");
        }
        if (!stationKinds.isEmpty() && (kind == MeasureKind.DESIGNATED_WORKERS || kind == MeasureKind.CERTIFIED_WORKERS)) {
            throw ApiException.badInput(m.at("stationKinds"), "stationKinds do not narrow a count of workers");
        }
        return new Measure(kind, stationKinds, domain, level, designation, levels, facility, rank == null ? 1 : rank);
    }

    private static Threshold threshold(DocumentReader th, Measure measure) {
        Integer atLeast = th.integer("atLeast", 1);
        Object raw = th.raw("share");
        Double share = null;
        if (raw != null) {
            if (!(raw instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > 1) {
                throw ApiException.badInput(th.at("share"), "share is a fraction above 0 and at most 1 (1 = every one)");
            }
            if (!measure.hasBase()) {
                throw ApiException.badInput(th.at("share"), "a share needs a whole to take it of: COVERED_DIVISIONS or SERVED_FACILITIES");
            }
            share = n.doubleValue();
        }
        if (atLeast == null && share == null) {
            throw ApiException.badInput(th.path, "a threshold needs atLeast, share, or both");
        }
        return new Threshold(atLeast, share);
    }
}
