package io.shegong.policy;

import io.shegong.core.error.ApiException;
import io.shegong.policy.PolicyDocument.Alternative;
import io.shegong.policy.PolicyDocument.Amount;
import io.shegong.policy.PolicyDocument.Basis;
import io.shegong.policy.PolicyDocument.Bracket;
import io.shegong.policy.PolicyDocument.Condition;
import io.shegong.policy.PolicyDocument.Kind;
import io.shegong.policy.PolicyDocument.Naming;
import io.shegong.policy.PolicyDocument.QualificationRule;
import io.shegong.policy.PolicyDocument.RecordCheck;
import io.shegong.policy.PolicyDocument.Required;
import io.shegong.policy.PolicyDocument.RoleRequirement;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyDocument.StaffingRule;
import io.shegong.policy.PolicyDocument.Term;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyDocument.YearlyMinimum;
import io.shegong.station.Station;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a profile document and refuses, with the path of the fault, anything the compliance
 * engine could not apply: unknown references, codes its vocabularies do not declare, overlapping
 * brackets, negative minimums, bad expressions, impossible catalogue cardinalities, and a rule
 * without the document's words that set its severity or with a severity those words contradict
 * ({@link Wording}), a calendar date that does not exist ({@link Milestone}), a target that
 * cannot be counted ({@link Target}) and a funding rule the ledger cannot be held to ({@link FundingRule}).
 */
public final class PolicyParser {
    static final Set<String> LEVELS = Set.of("DISTRICT", "STREET", "COMMUNITY", "SCHOOL");
    static final Set<String> ROLES = Set.of("HEAD", "DEPUTY_HEAD", "SOCIAL_WORKER", "SUPERVISOR");
    static final Set<String> CHECKS = Set.of("CRIMINAL_RECORD");
    /** The designations a rule on workers can single out (a station's DEMONSTRATION is not a worker's). */
    static final Set<String> WORKER_DESIGNATIONS = Set.of("LEADING_TALENT", "SUPERVISOR");
    static final List<String> OPERATING_MODES = Arrays.stream(Station.OperatingMode.values()).map(Enum::name).toList();
    /** Zones are spelled as the bureau groups its divisions (`CENTRAL_URBAN`, `huancui`), up to a division's 40 characters. */
    private static final Pattern ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private PolicyParser() {
    }

    public static PolicyDocument parse(Object document, String path) {
        return parse(document, path, true);
    }

    /**
     * A revision already published, to apply it: the sections typed after it was published (the
     * calendar, targets, contracts, funding) are read leniently by {@link CompiledPolicy}, which
     * leaves a section in an earlier form empty. A published revision cannot be corrected, and
     * refusing it here would stop its bureau's compliance; its next revision is checked in full.
     */
    public static PolicyDocument parsePublished(Object document) {
        return parse(document, "document", false);
    }

    private static PolicyDocument parse(Object document, String path, boolean strict) {
        DocumentReader doc = new DocumentReader(document, path);
        Vocabularies vocabularies = vocabularies(doc);
        List<StaffingRule> staffing = doc.objects("staffingRules", (r, i) -> staffing(r, vocabularies));
        unique(doc, "staffingRules", staffing.stream().map(StaffingRule::code).toList());
        List<Kind> kinds = doc.objects("stationKinds", PolicyParser::kind);
        unique(doc, "stationKinds", kinds.stream().map(Kind::code).toList());
        Set<String> kindCodes = new HashSet<>(kinds.stream().map(Kind::code).toList());
        Set<String> staffingCodes = new HashSet<>(staffing.stream().map(StaffingRule::code).toList());
        for (int i = 0; i < kinds.size(); i++) {
            Kind k = kinds.get(i);
            String at = doc.at("stationKinds") + "[" + i + "]";
            for (String parent : k.parentKinds()) {
                if (!kindCodes.contains(parent)) {
                    throw ApiException.badInput(at + ".parentKinds", "parentKinds names an unknown station kind '" + parent + "'");
                }
            }
            if (k.staffingRule() != null && !staffingCodes.contains(k.staffingRule())) {
                throw ApiException.badInput(at + ".staffingRule", "staffingRule names an unknown rule '" + k.staffingRule() + "'");
            }
            if (k.rooms() != null) {
                declared(vocabularies, "rooms", k.rooms().codes(), at + ".rooms.required");
            }
            if (k.rules() != null) {
                declared(vocabularies, "rules", k.rules().codes(), at + ".rules.required");
            }
        }
        List<QualificationRule> qualification = doc.objects("qualificationRules", (r, i) -> qualification(r, kindCodes));
        unique(doc, "qualificationRules", qualification.stream().map(QualificationRule::code).toList());
        List<RecordCheck> checks = doc.objects("recordChecks", (r, i) -> recordCheck(r));
        Catalogue.parse(doc);
        if (strict) {
            Milestone.parse(doc, kindCodes);
            Target.parse(doc, kindCodes, vocabularies);
            ContractRules.parse(doc);
            FundingRule.parse(doc, kindCodes, vocabularies);
        }
        List<YearlyMinimum> minimums = doc.objects("yearlyMinimums", (r, i) -> yearlyMinimum(r, kindCodes, vocabularies));
        unique(doc, "yearlyMinimums", minimums.stream().map(YearlyMinimum::code).toList());
        return new PolicyDocument(vocabularies, kinds, staffing, qualification, checks, minimums,
                new LinkedHashMap<>(doc.values()));
    }

    /**
     * The codes records may carry, each with the bureau's labels. A vocabulary left out stays
     * free (null); one given, even empty, is the whole list the bureau's records may use.
     */
    private static Vocabularies vocabularies(DocumentReader doc) {
        DocumentReader v = doc.object("vocabularies");
        if (v == null) {
            return Vocabularies.FREE;
        }
        for (String name : v.values().keySet()) {
            if (!Vocabularies.NAMES.contains(name)) {
                throw ApiException.badInput(v.at(name), "vocabularies are " + String.join(", ", Vocabularies.NAMES)
                        + "; '" + name + "' is not one of them");
            }
        }
        return new Vocabularies(terms(v, "rooms"), terms(v, "rules"), terms(v, "zones"), terms(v, "domains"),
                terms(v, "caseKinds"), terms(v, "activityKinds"), terms(v, "beneficiaryCategories"),
                terms(v, "fundingSources"));
    }

    private static List<Term> terms(DocumentReader v, String name) {
        if (!v.has(name)) {
            return null;
        }
        List<Term> terms = v.objects(name, (t, i) -> {
            String code;
            if (name.equals("zones")) {
                code = t.text("code", true);
                if (!ZONE.matcher(code).matches()) {
                    throw ApiException.badInput(t.at("code"), "a zone code is a letter, then letters, digits, '_' or '-', "
                            + "at most 40 in all, not '" + code + "'");
                }
            } else {
                code = t.code("code", true);
            }
            return new Term(code, t.text("labelZh", true), t.text("labelEn", true), t.text("source", false));
        });
        unique(v, name, terms.stream().map(Term::code).toList());
        return terms;
    }

    /** Refuses a code the profile uses without declaring it, at the path of the code. */
    private static void declared(Vocabularies vocabularies, String name, List<String> codes, String path) {
        for (int i = 0; i < codes.size(); i++) {
            declared(vocabularies, name, codes.get(i), path + "[" + i + "]");
        }
    }

    private static void declared(Vocabularies vocabularies, String name, String code, String path) {
        List<Term> terms = vocabularies.of(name);
        if (terms == null || terms.stream().noneMatch(t -> t.code().equals(code))) {
            throw ApiException.badInput(path, "'" + code + "' is not declared in vocabularies." + name
                    + (terms == null || terms.isEmpty() ? " (the profile declares none)"
                    : "; declared: " + String.join(", ", terms.stream().map(Term::code).toList())));
        }
    }

    private static Kind kind(DocumentReader r, int i) {
        String level = r.text("level", true);
        if (!LEVELS.contains(level)) {
            throw ApiException.badInput(r.at("level"), "level must be one of " + LEVELS);
        }
        // the flat fields of earlier profiles carried no wording: refused rather than dropped unnoticed
        for (String[] moved : new String[][]{{"namingTemplate", "naming.template"}, {"requiredRooms", "rooms.required"},
                {"requiredRules", "rules.required"}}) {
            if (r.has(moved[0])) {
                throw ApiException.badInput(r.at(moved[0]), moved[0] + " is now " + moved[1] + ", next to the wording that sets its severity");
            }
        }
        String source = r.text("source", false);
        DocumentReader naming = r.object("naming");
        return new Kind(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true), level,
                r.codes("parentKinds"), r.bool("requiresDomain"),
                naming == null ? null : new Naming(naming.text("template", true), basis(naming, source)),
                required(r.object("rooms"), source), required(r.object("rules"), source),
                r.code("staffingRule", false), source);
    }

    private static Required required(DocumentReader r, String source) {
        return r == null ? null : new Required(r.codes("required"), basis(r, source));
    }

    /**
     * Where a rule comes from, the document's words that set its severity, and the severity: given,
     * or the one the words imply when omitted. A bureau setting (a threshold the document leaves
     * open) is ADVISORY unless the bureau weighs it lower.
     */
    static Basis basis(DocumentReader r, String inheritedSource) {
        String wording = r.text("wording", true);
        boolean bureauSetting = r.bool("bureauSetting");
        Severity severity = r.enumValue("severity", Severity.class, null);
        if (severity == null) {
            severity = bureauSetting ? Severity.ADVISORY : Wording.implied(wording);
        }
        String fault = Wording.contradiction(wording, severity, bureauSetting);
        if (fault != null) {
            throw ApiException.badInput(r.at("severity"), "severity " + severity + " contradicts the wording: " + fault);
        }
        return new Basis(nonNull(r.text("source", false), inheritedSource), wording, severity, bureauSetting);
    }

    private static StaffingRule staffing(DocumentReader r, Vocabularies vocabularies) {
        String source = r.text("source", false);
        String counts = r.text("counts", false);
        if (counts != null) {
            WorkerFacts.compile(counts, r.at("counts"));
        }
        Amount minimum = amount(r.object("minimum"), true, vocabularies);
        Amount maximum = amount(r.object("maximum"), false, vocabularies);
        if (minimum != null && maximum != null && minimum.fixed() != null && maximum.fixed() != null
                && maximum.fixed() < minimum.fixed()) {
            throw ApiException.badInput(r.at("maximum"), "maximum is below minimum");
        }
        List<RoleRequirement> roles = r.objects("requiredRoles", (x, j) -> {
            String role = x.text("role", true);
            if (!ROLES.contains(role)) {
                throw ApiException.badInput(x.at("role"), "role must be one of " + ROLES);
            }
            List<String> modes = x.list("operatingModes").stream().map(String::valueOf).toList();
            for (String mode : modes) {
                if (!OPERATING_MODES.contains(mode)) {
                    throw ApiException.badInput(x.at("operatingModes"), "operatingModes must be among " + OPERATING_MODES
                            + ", not '" + mode + "'");
                }
            }
            boolean optional = x.bool("optional");
            return new RoleRequirement(role, nonNull(x.integer("minimum", 0), 1), x.integer("whenStaffAtLeast", 0),
                    Set.copyOf(modes), optional, optional ? optionalBasis(x, source) : basis(x, source));
        });
        return new StaffingRule(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true), basis(r, null), counts,
                nonNull(r.text("countLabelZh", false), "名工作人员"), nonNull(r.text("countLabelEn", false), "workers"),
                minimum, maximum, roles);
    }

    /**
     * An optional post: the document lets a station set it (可设) and expects nothing, so it never
     * makes a finding and carries no severity. Its words must say so: 可, and no requirement word,
     * so that a post the document requires cannot be waved through as optional.
     */
    private static Basis optionalBasis(DocumentReader r, String inheritedSource) {
        String wording = r.text("wording", true);
        if (r.has("severity")) {
            throw ApiException.badInput(r.at("severity"), "an optional post never makes a finding, so it has no severity");
        }
        if (r.bool("bureauSetting")) {
            throw ApiException.badInput(r.at("bureauSetting"), "an optional post never makes a finding, so it is no bureau setting");
        }
        if (!Wording.advice(wording).contains("可") || !Wording.requirements(wording).isEmpty()) {
            throw ApiException.badInput(r.at("wording"), "an optional post needs words that leave it to the station (可, 可设) "
                    + "and no requirement word (必须, 应, 须, 不得, 严禁)");
        }
        return new Basis(nonNull(r.text("source", false), inheritedSource), wording, null, false);
    }

    /** Exactly one of: `fixed`; `attribute: communityCount` with brackets; `attribute: zone` with cases. */
    private static Amount amount(DocumentReader r, boolean isMinimum, Vocabularies vocabularies) {
        if (r == null) {
            return null;
        }
        if (r.has("fixed")) {
            Object v = r.raw("fixed");
            if (v instanceof Number n && n.intValue() < 0) {
                throw ApiException.badInput(r.at("fixed"), (isMinimum ? "minimum" : "maximum") + " must not be negative");
            }
            return new Amount(r.integer("fixed", 0), null, List.of(), Map.of());
        }
        String attribute = r.text("attribute", true);
        switch (attribute) {
            case "communityCount" -> {
                List<Bracket> brackets = r.objects("brackets", (b, j) -> {
                    Object v = b.raw("value");
                    if (v instanceof Number n && n.intValue() < 0) {
                        throw ApiException.badInput(b.at("value"), "value must not be negative");
                    }
                    Bracket br = new Bracket(b.integer("from", 0), b.integer("to", 0), nonNull(b.integer("value", 0), -1));
                    if (br.value() < 0) {
                        throw ApiException.badInput(b.at("value"), "value is required");
                    }
                    if (br.from() != null && br.to() != null && br.to() < br.from()) {
                        throw ApiException.badInput(b.at("to"), "to is below from");
                    }
                    return br;
                });
                if (brackets.isEmpty()) {
                    throw ApiException.badInput(r.at("brackets"), "brackets are required for communityCount");
                }
                List<Bracket> sorted = brackets.stream()
                        .sorted(Comparator.comparing(b -> b.from() == null ? Integer.MIN_VALUE : b.from())).toList();
                for (int j = 1; j < sorted.size(); j++) {
                    Bracket prev = sorted.get(j - 1);
                    Bracket next = sorted.get(j);
                    int nextFrom = next.from() == null ? Integer.MIN_VALUE : next.from();
                    if (prev.to() == null || prev.to() >= nextFrom) {
                        throw ApiException.badInput(r.at("brackets"), "brackets overlap at " + nextFrom);
                    }
                }
                return new Amount(null, attribute, brackets, Map.of());
            }
            case "zone" -> {
                DocumentReader cases = r.object("cases");
                if (cases == null || cases.values().isEmpty()) {
                    throw ApiException.badInput(r.at("cases"), "cases are required for zone");
                }
                Map<String, Integer> out = new HashMap<>();
                for (String zone : cases.values().keySet()) {
                    declared(vocabularies, "zones", zone, cases.at(zone));
                    Object v = cases.raw(zone);
                    if (v instanceof Number n && n.intValue() < 0) {
                        throw ApiException.badInput(cases.at(zone), "value must not be negative");
                    }
                    out.put(zone, cases.integer(zone, 0));
                }
                return new Amount(null, attribute, List.of(), out);
            }
            default -> throw ApiException.badInput(r.at("attribute"), "attribute must be communityCount or zone");
        }
    }

    private static QualificationRule qualification(DocumentReader r, Set<String> kinds) {
        List<String> appliesKinds = r.codes("kinds");
        for (String k : appliesKinds) {
            if (!kinds.contains(k)) {
                throw ApiException.badInput(r.at("kinds"), "kinds names an unknown station kind '" + k + "'");
            }
        }
        List<String> roles = r.list("roles").stream().map(String::valueOf).toList();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw ApiException.badInput(r.at("roles"), "roles must be among " + ROLES);
            }
        }
        List<String> designations = r.list("designations").stream().map(String::valueOf).toList();
        for (String d : designations) {
            if (!WORKER_DESIGNATIONS.contains(d)) {
                throw ApiException.badInput(r.at("designations"), "designations must be among " + WORKER_DESIGNATIONS);
            }
        }
        List<Alternative> alternatives = r.objects("alternatives", (a, i) -> new Alternative(
                a.code("code", true), a.text("labelZh", true), a.text("labelEn", true),
                a.objects("conditions", (c, j) -> {
                    String expression = c.text("expression", true);
                    WorkerFacts.compile(expression, c.at("expression"));
                    return new Condition(c.text("labelZh", true), c.text("labelEn", true), expression);
                })));
        if (alternatives.isEmpty()) {
            throw ApiException.badInput(r.at("alternatives"), "a qualification rule needs at least one alternative");
        }
        for (int i = 0; i < alternatives.size(); i++) {
            if (alternatives.get(i).conditions().isEmpty()) {
                throw ApiException.badInput(r.at("alternatives") + "[" + i + "].conditions", "an alternative needs at least one condition");
            }
        }
        return new QualificationRule(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true),
                basis(r, null), appliesKinds, roles, designations, alternatives);
    }

    /** `by` is a day of the year, `MM-DD`; 02-29 is refused, since most years have none. */
    private static YearlyMinimum yearlyMinimum(DocumentReader r, Set<String> kindCodes, Vocabularies vocabularies) {
        List<String> kinds = r.codes("kinds");
        for (int i = 0; i < kinds.size(); i++) {
            if (!kindCodes.contains(kinds.get(i))) {
                throw ApiException.badInput(r.at("kinds") + "[" + i + "]", "kinds names an unknown station kind '" + kinds.get(i) + "'");
            }
        }
        if (kinds.isEmpty()) {
            throw ApiException.badInput(r.at("kinds"), "kinds is required: the station kinds the minimum applies to");
        }
        Integer minimum = r.integer("minimum", 1);
        if (minimum == null) {
            throw ApiException.badInput(r.at("minimum"), "minimum is required");
        }
        List<String> eachKind = r.codes("eachKind");
        declared(vocabularies, "caseKinds", eachKind, r.at("eachKind"));
        String by = r.text("by", true);
        MonthDay day;
        try {
            day = MonthDay.parse("--" + by);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(r.at("by"), "by is a day of the year as MM-DD, e.g. 12-31; '" + by + "' is not one");
        }
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 29) {
            throw ApiException.badInput(r.at("by"), "by must be a day every year has; 02-29 is not");
        }
        return new YearlyMinimum(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true),
                basis(r, null), kinds, minimum, eachKind, day);
    }

    private static RecordCheck recordCheck(DocumentReader r) {
        String check = r.text("check", true);
        if (!CHECKS.contains(check)) {
            throw ApiException.badInput(r.at("check"), "check must be one of " + CHECKS);
        }
        Integer months = r.integer("maxAgeMonths", 1);
        if (months == null) {
            throw ApiException.badInput(r.at("maxAgeMonths"), "maxAgeMonths is required");
        }
        return new RecordCheck(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true),
                basis(r, null), check, months);
    }

    private static void unique(DocumentReader doc, String field, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                throw ApiException.badInput(doc.at(field) + "[" + i + "].code", "code '" + codes.get(i) + "' is used twice");
            }
        }
    }

    private static <T> T nonNull(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
