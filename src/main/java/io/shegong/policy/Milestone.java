package io.shegong.policy;

import io.shegong.core.error.ApiException;
import io.shegong.policy.PolicyDocument.Basis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One time node (时间节点) of a bureau's calendar: what is due, from whom, by when, and what closes
 * it. A date the document fixes (`by: 2022-02-25`), a day of each year (`annually: "03-31"`), or a
 * time after an event the registry dates (`after: {event: STATION_SIGNED, months: 1}`). Before its
 * date an item is only due; after it, it weighs what the document's words set, like any rule.
 */
public record Milestone(String code, String labelZh, String labelEn, Responsible responsible, Due due,
                        String window, String evidenceZh, String evidenceEn, Basis basis) {

    /**
     * Who owes the item: the bureau itself, each station of some kinds, or each division of a
     * level. OPERATOR is never a profile's calendar: it owes the reports its contracts require
     * (the `contracts` section's REPORTS rules), which the calendar lists too.
     */
    public enum Party { BUREAU, STATION, DIVISION, OPERATOR }

    /**
     * Events the registry dates for a station: the first day its status history shows it SIGNED
     * (the service contract, Weihai's 服务合同签订) or OPERATING.
     */
    public enum Event {
        STATION_SIGNED("SIGNED"), STATION_OPERATING("OPERATING");

        public final String status;

        Event(String status) {
            this.status = status;
        }
    }

    /** `kinds` empty means every kind of station; `level` is set for DIVISION only. */
    public record Responsible(Party party, List<String> kinds, String level) {
        public boolean covers(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    /** Exactly one of a fixed date, a day of each year, or a time after an event. */
    public record Due(LocalDate on, MonthDay annually, Event event, int months, int days) {

        /** The day due in a year, for a fixed or yearly date; null when it falls in another year. */
        public LocalDate in(int year) {
            if (on != null) {
                return on.getYear() == year ? on : null;
            }
            // 02-29 falls on 28 February in a common year
            return annually == null ? null : annually.atYear(year);
        }

        public LocalDate after(LocalDate eventDay) {
            return eventDay.plusMonths(months).plusDays(days);
        }
    }

    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");
    private static final Set<String> DUE_FORMS = Set.of("by", "annually", "after");

    /** The calendar of a profile document; the path of the first fault otherwise. */
    static List<Milestone> parse(DocumentReader doc, Set<String> kindCodes) {
        List<Milestone> milestones = doc.objects("calendar", (m, i) -> milestone(m, kindCodes));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            if (!seen.add(milestones.get(i).code())) {
                throw ApiException.badInput(doc.at("calendar") + "[" + i + "].code",
                        "code '" + milestones.get(i).code() + "' is used twice");
            }
        }
        return milestones;
    }

    private static Milestone milestone(DocumentReader m, Set<String> kindCodes) {
        if (m.has("due")) {
            // the earlier free-text form ("annually by 03-31") could not be checked: refused, not guessed
            throw ApiException.badInput(m.at("due"), "due is now one of by (a date), annually (\"MM-DD\") or after "
                    + "({event, months, days})");
        }
        String code = m.code("code", true);
        String labelZh = m.text("labelZh", true);
        String labelEn = m.text("labelEn", true);
        Responsible responsible = responsible(m, kindCodes);
        Due due = due(m);
        if (due.event() != null && responsible.party() != Party.STATION) {
            throw ApiException.badInput(m.at("after.event"), "a station's event makes items due from stations only; "
                    + "responsible must name stations");
        }
        DocumentReader evidence = m.object("evidence");
        return new Milestone(code, labelZh, labelEn, responsible, due, m.text("window", false),
                evidence == null ? null : evidence.text("labelZh", true),
                evidence == null ? null : evidence.text("labelEn", true), PolicyParser.basis(m, null));
    }

    /** `BUREAU`, `{stations: [kind, ...]}` (every kind when empty) or `{divisions: LEVEL}`. */
    private static Responsible responsible(DocumentReader m, Set<String> kindCodes) {
        Object raw = m.raw("responsible");
        String at = m.at("responsible");
        if (raw == null) {
            throw ApiException.badInput(at, "responsible is required: BUREAU, {stations: [kinds]} or {divisions: LEVEL}");
        }
        if ("BUREAU".equals(raw)) {
            return new Responsible(Party.BUREAU, List.of(), null);
        }
        if (!(raw instanceof Map<?, ?> map) || map.size() != 1) {
            throw ApiException.badInput(at, "responsible must be BUREAU, {stations: [kinds]} or {divisions: LEVEL}");
        }
        DocumentReader r = new DocumentReader(raw, at);
        if (r.has("stations") || map.containsKey("stations")) {
            List<String> kinds = r.codes("stations");
            for (int i = 0; i < kinds.size(); i++) {
                if (!kindCodes.contains(kinds.get(i))) {
                    throw ApiException.badInput(r.at("stations") + "[" + i + "]", "'" + kinds.get(i)
                            + "' is not a station kind of the profile");
                }
            }
            return new Responsible(Party.STATION, kinds, null);
        }
        if (r.has("divisions")) {
            String level = r.text("divisions", true);
            if (!List.of("CITY", "DISTRICT", "STREET", "COMMUNITY").contains(level)) {
                throw ApiException.badInput(r.at("divisions"), "divisions must be a level: CITY, DISTRICT, STREET or COMMUNITY");
            }
            return new Responsible(Party.DIVISION, List.of(), level);
        }
        throw ApiException.badInput(at, "responsible must be BUREAU, {stations: [kinds]} or {divisions: LEVEL}");
    }

    private static Due due(DocumentReader m) {
        List<String> given = DUE_FORMS.stream().filter(m::has).sorted().toList();
        if (given.size() != 1) {
            throw ApiException.badInput(m.path, "a milestone needs exactly one of by (a date), annually (\"MM-DD\") or after "
                    + "({event, months, days})" + (given.isEmpty() ? "" : "; it has " + String.join(", ", given)));
        }
        switch (given.getFirst()) {
            case "by" -> {
                String text = m.text("by", true);
                try {
                    return new Due(LocalDate.parse(text), null, null, 0, 0);
                } catch (DateTimeParseException e) {
                    throw ApiException.badInput(m.at("by"), "by must be a real date YYYY-MM-DD, not '" + text + "'");
                }
            }
            case "annually" -> {
                String text = m.text("annually", true);
                Matcher md = MONTH_DAY.matcher(text);
                try {
                    if (!md.matches()) {
                        throw new DateTimeException(text);
                    }
                    return new Due(null, MonthDay.of(Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2))), null, 0, 0);
                } catch (DateTimeException e) {
                    throw ApiException.badInput(m.at("annually"), "annually must be a day of the year \"MM-DD\" that exists, not '"
                            + text + "'");
                }
            }
            default -> {
                DocumentReader after = m.object("after");
                Event event = after.enumValue("event", Event.class, null);
                if (event == null) {
                    throw ApiException.badInput(after.at("event"), "event is required: one of "
                            + List.of(Event.values()));
                }
                Integer months = after.integer("months", 0);
                Integer days = after.integer("days", 0);
                if ((months == null || months == 0) && (days == null || days == 0)) {
                    throw ApiException.badInput(after.path, "after needs months or days, at least one of them above 0");
                }
                return new Due(null, null, event, months == null ? 0 : months, days == null ? 0 : days);
            }
        }
    }
}
