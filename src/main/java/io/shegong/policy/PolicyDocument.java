package io.shegong.policy;

import io.shegong.core.error.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bureau's policy profile, as its administrators write it: the codes it uses with their labels,
 * station kinds, staffing rules, qualification rules and record checks, each with the source in
 * the bureau's own document and the document's words that set its severity. The catalogue and the
 * calendar ({@link Milestone}), targets and funding rules ({@link FundingRule}) are read from `raw` by their own
 * parsers; the contract section is kept as given for later use.
 */
public record PolicyDocument(Vocabularies vocabularies, List<Kind> stationKinds, List<StaffingRule> staffingRules,
                             List<QualificationRule> qualificationRules, List<RecordCheck> recordChecks,
                             List<YearlyMinimum> yearlyMinimums, Map<String, Object> raw) {

    public enum Severity { VIOLATION, ADVISORY, INFO }

    /**
     * Why a rule weighs what it does: where it comes from, the document's own words that set its
     * severity, and whether its threshold is the bureau's own setting where the document leaves it
     * open (Qingpu's checks are only 定期, so the months are the bureau's).
     */
    public record Basis(String source, String wording, Severity severity, boolean bureauSetting) {
    }

    /** One code of a vocabulary with its labels; `source` is null for a code the bureau adds itself. */
    public record Term(String code, String labelZh, String labelEn, String source) {
    }

    /**
     * The codes a profile lets records carry, each with the bureau's own labels: rooms, rules
     * (制度), zones and domains. A vocabulary left out (null) is free: the profile has no rule on
     * it, so any code is taken and shown as written.
     */
    public record Vocabularies(List<Term> rooms, List<Term> rules, List<Term> zones, List<Term> domains,
                               List<Term> caseKinds, List<Term> activityKinds, List<Term> beneficiaryCategories,
                               List<Term> fundingSources) {
        public static final List<String> NAMES = List.of("rooms", "rules", "zones", "domains", "caseKinds",
                "activityKinds", "beneficiaryCategories", "fundingSources");

        /** Every vocabulary free: a bureau with no profile in force. */
        public static final Vocabularies FREE = new Vocabularies(null, null, null, null, null, null, null, null);

        /** The declared terms of a vocabulary by name, or null when the profile leaves it free. */
        public List<Term> of(String name) {
            return switch (name) {
                case "rooms" -> rooms;
                case "rules" -> rules;
                case "zones" -> zones;
                case "domains" -> domains;
                case "caseKinds" -> caseKinds;
                case "activityKinds" -> activityKinds;
                case "beneficiaryCategories" -> beneficiaryCategories;
                case "fundingSources" -> fundingSources;
                default -> throw new IllegalArgumentException(name);
            };
        }

        /** The declared term with this code, or null (a free vocabulary, or a code not declared). */
        public Term term(String name, String code) {
            List<Term> terms = of(name);
            return terms == null ? null : terms.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        }

        /**
         * Refuses a code a declared vocabulary does not hold, at its path, naming the codes that
         * are allowed; a free vocabulary takes any.
         */
        public void require(String name, String path, String code) {
            List<Term> terms = of(name);
            if (code == null || terms == null || terms.stream().anyMatch(t -> t.code().equals(code))) {
                return;
            }
            String what = switch (name) {
                case "caseKinds" -> "case kind";
                case "activityKinds" -> "activity kind";
                case "beneficiaryCategories" -> "beneficiary category";
                case "fundingSources" -> "funding source";
                default -> name.substring(0, name.length() - 1);
            };
            throw ApiException.badInput(path, "'" + code + "' is not a " + what + " of the bureau's policy profile in force; "
                    + (terms.isEmpty() ? "it declares no " + name
                    : "allowed: " + String.join(", ", terms.stream().map(t -> t.code() + " (" + t.labelZh() + ")").toList())));
        }

        /** {@link #require(String, String, String)} for each code of a list, at `path[i]`. */
        public void require(String name, String path, List<String> codes) {
            if (codes == null) {
                return;
            }
            for (int i = 0; i < codes.size(); i++) {
                require(name, path + "[" + i + "]", codes.get(i));
            }
        }

        /** The label of a code in Chinese; the code itself when the profile gives none. */
        public String labelZh(String name, String code) {
            Term t = term(name, code);
            return t == null ? code : t.labelZh();
        }

        /** The label of a code in English; the code itself when the profile gives none. */
        public String labelEn(String name, String code) {
            Term t = term(name, code);
            return t == null ? code : t.labelEn();
        }
    }

    /** A station name must follow the template; `{placeholder}`s match any text. */
    public record Naming(String template, Basis basis) {
    }

    /** Rooms or rules (制度) a station of a kind must have. */
    public record Required(List<String> codes, Basis basis) {
    }

    /** `naming`, `rooms` and `rules` are null when the document sets none for the kind. */
    public record Kind(String code, String labelZh, String labelEn, String level, List<String> parentKinds,
                       boolean requiresDomain, Naming naming, Required rooms, Required rules, String staffingRule,
                       String source) {
    }

    /** A number a station must reach, fixed or taken from an attribute of its division. */
    public record Amount(Integer fixed, String attribute, List<Bracket> brackets, Map<String, Integer> cases) {
    }

    /** `from` to `to` inclusive; an open end is null. */
    public record Bracket(Integer from, Integer to, int value) {
        public boolean contains(int n) {
            return (from == null || n >= from) && (to == null || n <= to);
        }
    }

    /**
     * A post a station must fill; its own words, since a document often sets a post in another
     * sentence than the numbers. It applies only to stations run in one of `operatingModes` (every
     * mode when empty), since documents set posts by how a station is run. An optional post is one
     * the document lets a station set (可设) without expecting it: it is recognised, never a
     * finding, and its basis has no severity.
     */
    public record RoleRequirement(String role, int minimum, Integer whenStaffAtLeast, Set<String> operatingModes,
                                  boolean optional, Basis basis) {
        public boolean appliesTo(String operatingMode) {
            return !optional && (operatingModes.isEmpty() || operatingModes.contains(operatingMode));
        }
    }

    public record StaffingRule(String code, String labelZh, String labelEn, Basis basis,
                               String counts, String countLabelZh, String countLabelEn, Amount minimum,
                               Amount maximum, List<RoleRequirement> requiredRoles) {
        public String source() {
            return basis.source();
        }
    }

    public record Condition(String labelZh, String labelEn, String expression) {
    }

    public record Alternative(String code, String labelZh, String labelEn, List<Condition> conditions) {
    }

    /**
     * A rule on workers: in a post of a role at a station of a kind, or holding a designation
     * (Wuhan's and Shangcheng's supervisors). With neither roles nor designations it applies to
     * every post; with both, to a post of the role or a worker holding the designation.
     */
    public record QualificationRule(String code, String labelZh, String labelEn, Basis basis,
                                    List<String> kinds, List<String> roles, List<String> designations,
                                    List<Alternative> alternatives) {
        public boolean appliesTo(String kind, String role, Set<String> designationsHeld) {
            if (!kinds.isEmpty() && !kinds.contains(kind)) {
                return false;
            }
            return roles.isEmpty() && designations.isEmpty() || roles.contains(role)
                    || designations.stream().anyMatch(designationsHeld::contains);
        }

        /** Outside any station: every rule but one for designated workers the worker is not. */
        public boolean appliesOutsideStations(Set<String> designationsHeld) {
            return designations.isEmpty() || designations.stream().anyMatch(designationsHeld::contains);
        }

        public String source() {
            return basis.source();
        }

        public Severity severity() {
            return basis.severity();
        }
    }

    public record RecordCheck(String code, String labelZh, String labelEn, Basis basis, String check, int maxAgeMonths) {
    }

    /**
     * Work a station of some kinds must deliver each year, due by a day of the year: at least
     * `minimum` featured cases (典型案例), or that many of each of `eachKind` when the document
     * names kinds. Until the day, a shortfall is not a finding: the year is still open.
     */
    public record YearlyMinimum(String code, String labelZh, String labelEn, Basis basis, List<String> kinds,
                                int minimum, List<String> eachKind, java.time.MonthDay by) {
        public String source() {
            return basis.source();
        }
    }

    public Kind kind(String code) {
        return stationKinds.stream().filter(k -> k.code().equals(code)).findFirst().orElse(null);
    }

    public StaffingRule staffingRule(String code) {
        return staffingRules.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }
}
