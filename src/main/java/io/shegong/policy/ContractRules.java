package io.shegong.policy;

import io.shegong.core.error.ApiException;
import io.shegong.policy.PolicyDocument.Basis;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The `contracts` section of a profile: the grade scale evaluations use, the rules a service
 * contract (政府购买服务合同) is checked against, each with its source and the document's words
 * that set its severity ({@link Wording}), and notes for what the document says in words only.
 * A profile without the section has no contract rules and the common four-grade scale.
 */
public record ContractRules(List<Grade> grades, List<Rule> rules, List<Note> notes) {

    /** The scale used when a profile sets none: the four grades evaluations commonly give. */
    public static final List<Grade> COMMON_GRADES = List.of(
            new Grade("excellent", "优秀", "Excellent", false), new Grade("good", "良好", "Good", false),
            new Grade("pass", "合格", "Pass", false), new Grade("fail", "不合格", "Fail", true));

    public static final ContractRules NONE = new ContractRules(COMMON_GRADES, List.of(), List.of());

    private static final Set<String> FIELDS = Set.of("grades", "rules", "notes");
    private static final Set<String> EVALUATION_KINDS = Set.of("MID_TERM", "ANNUAL", "FINAL");
    private static final Set<String> REPORT_KINDS = Set.of("MONTHLY_BRIEF", "MID_TERM", "FINAL", "ANNUAL_SUMMARY");

    /** What a rule checks of a contract. */
    public enum Check {
        /** The term is at most `years` long. */
        MAX_TERM,
        /** Each station of the contract has `minimum` workers on post `within` months/days of signing. */
        STAFF_ON_POST,
        /** Each contract year that has ended has at least `minimum` evaluations of `kind`. */
        EVALUATIONS_PER_YEAR,
        /** No post at the contract's stations is held by another operator's worker (转包). */
        NO_SUBCONTRACTING,
        /** A failing evaluation of `kind` ends the contract the following year; the finding proposes the day. */
        END_AFTER_FAILED_EVALUATION,
        /** Every evaluation of the term graded `grade`: the operator may renew (a finding of eligibility, INFO). */
        RENEWAL_WHEN_ALL_GRADED,
        /** A signed contract that has not ended has a takeover plan (接管预案). */
        TAKEOVER_PLAN,
        /**
         * The operator submits reports of `kind`, each due `within` days after what it reports on:
         * a monthly brief after each month, an annual summary after each contract year, a
         * mid-term report after the term's midpoint, a final report after its last day.
         */
        REPORTS
    }

    /** A grade of the bureau's scale; a failing grade is what ends a contract where the profile says so. */
    public record Grade(String code, String labelZh, String labelEn, boolean failing) {
    }

    /**
     * One rule; the parameters its check reads are set, the others null: `years` (MAX_TERM),
     * `months`/`days`/`minimum` (STAFF_ON_POST), `kind`/`minimum` (EVALUATIONS_PER_YEAR),
     * `kind` (END_AFTER_FAILED_EVALUATION), `grade` (RENEWAL_WHEN_ALL_GRADED), `kind`/`days` (REPORTS).
     */
    public record Rule(String code, Check check, String labelZh, String labelEn, Basis basis, Integer years,
                       int months, int days, int minimum, String kind, String grade) {
        public String source() {
            return basis.source();
        }
    }

    /** What the document says of contracts in words only: shown, never checked. */
    public record Note(String code, String labelZh, String labelEn, String source) {
    }

    public Grade grade(String code) {
        return grades.stream().filter(g -> g.code().equals(code)).findFirst().orElse(null);
    }

    /** The section of a profile document; the path of the first fault otherwise. */
    static ContractRules parse(DocumentReader doc) {
        DocumentReader c = doc.object("contracts");
        if (c == null) {
            return NONE;
        }
        for (String name : c.values().keySet()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badInput(c.at(name), "contracts holds grades, rules and notes; '" + name
                        + "' is none of them (put what the document says in words only under notes)");
            }
        }
        List<Grade> grades = c.has("grades") ? c.objects("grades", (g, i) -> new Grade(g.code("code", true),
                g.text("labelZh", true), g.text("labelEn", true), g.bool("failing"))) : COMMON_GRADES;
        if (grades.isEmpty()) {
            throw ApiException.badInput(c.at("grades"), "grades needs at least one grade, or leave it out for the common scale");
        }
        unique(c, "grades", grades.stream().map(Grade::code).toList());
        List<Rule> rules = c.objects("rules", (r, i) -> rule(r, grades));
        unique(c, "rules", rules.stream().map(Rule::code).toList());
        List<Note> notes = c.objects("notes", (n, i) -> new Note(n.code("code", false), n.text("labelZh", true),
                n.text("labelEn", true), n.text("source", false)));
        return new ContractRules(grades, rules, notes);
    }

    private static Rule rule(DocumentReader r, List<Grade> grades) {
        String code = r.code("code", true);
        Check check = r.enumValue("check", Check.class, null);
        if (check == null) {
            throw ApiException.badInput(r.at("check"), "check is required: one of " + Arrays.toString(Check.values()));
        }
        Basis basis = PolicyParser.basis(r, null);
        Integer years = null;
        int months = 0;
        int days = 0;
        int minimum = 0;
        String kind = null;
        String grade = null;
        switch (check) {
            case MAX_TERM -> {
                years = r.integer("years", 1);
                if (years == null) {
                    throw ApiException.badInput(r.at("years"), "years is required: the longest term, in years");
                }
            }
            case STAFF_ON_POST -> {
                DocumentReader within = r.object("within");
                if (within == null) {
                    throw ApiException.badInput(r.at("within"), "within is required: {months, days} after signing");
                }
                months = nonNull(within.integer("months", 0));
                days = nonNull(within.integer("days", 0));
                if (months == 0 && days == 0) {
                    throw ApiException.badInput(within.path, "within needs months or days, at least one of them above 0");
                }
                minimum = r.has("minimum") ? r.integer("minimum", 1) : 1;
            }
            case EVALUATIONS_PER_YEAR -> {
                kind = evaluationKind(r);
                minimum = r.has("minimum") ? r.integer("minimum", 1) : 1;
            }
            case END_AFTER_FAILED_EVALUATION -> {
                kind = evaluationKind(r);
                if (grades.stream().noneMatch(Grade::failing)) {
                    throw ApiException.badInput(r.at("check"), "the grade scale has no failing grade (failing: true) to end a contract on");
                }
            }
            case RENEWAL_WHEN_ALL_GRADED -> {
                grade = r.code("grade", true);
                String g = grade;
                if (grades.stream().noneMatch(x -> x.code().equals(g))) {
                    throw ApiException.badInput(r.at("grade"), "'" + grade + "' is not a grade of contracts.grades; declared: "
                            + String.join(", ", grades.stream().map(Grade::code).toList()));
                }
            }
            case REPORTS -> {
                kind = r.text("kind", true);
                if (!REPORT_KINDS.contains(kind)) {
                    throw ApiException.badInput(r.at("kind"), "kind must be one of " + REPORT_KINDS + ", not '" + kind + "'");
                }
                DocumentReader within = r.object("within");
                days = within == null ? 0 : nonNull(within.integer("days", 0));
            }
            default -> {
                // NO_SUBCONTRACTING and TAKEOVER_PLAN take no parameter
            }
        }
        return new Rule(code, check, r.text("labelZh", true), r.text("labelEn", true), basis, years, months, days,
                minimum, kind, grade);
    }

    private static String evaluationKind(DocumentReader r) {
        String kind = r.text("kind", true);
        if (!EVALUATION_KINDS.contains(kind)) {
            throw ApiException.badInput(r.at("kind"), "kind must be one of " + EVALUATION_KINDS + ", not '" + kind + "'");
        }
        return kind;
    }

    private static void unique(DocumentReader doc, String field, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                throw ApiException.badInput(doc.at(field) + "[" + i + "].code", "code '" + codes.get(i) + "' is used twice");
            }
        }
    }

    private static int nonNull(Integer n) {
        return n == null ? 0 : n;
    }
}
