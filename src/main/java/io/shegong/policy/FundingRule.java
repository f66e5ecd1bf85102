package io.shegong.policy;

import io.shegong.core.error.ApiException;
import io.shegong.policy.PolicyDocument.Basis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rule of the bureau's document on money (资金保障), read from the profile's `funding.rules`:
 * what the ledger must show for a fiscal year, with the source and the document's words that set
 * its severity. Amounts are exact yuan (BigDecimal with at most two places), never floating point,
 * so a profile writes them as whole numbers or as strings ("150000", "1860000.00").
 *
 * <ul>
 *   <li>STATION_YEARLY_MINIMUM: each operating station of `stationKinds` receives at least `amount`
 *   in the year (Weihai 003 五、(二), 150,000 a station).</li>
 *   <li>LEVEL_YEARLY_MINIMUM: the entries paid by `payerLevel` add up to at least `amount` in the
 *   year (Weihai's city special fund, 1.86 million).</li>
 *   <li>ONE_TIME_SUBSIDY: each operating station of `stationKinds` has had a construction subsidy
 *   of `amount`, once and never twice (Qingpu 000 五、(二), 30,000).</li>
 *   <li>FUND_SHARE: the money for stations of `stationKinds` is at least `percent` of what the
 *   fund `fund` holds that year (Shangcheng 001 六、(二), 20 % of the venture fund).</li>
 *   <li>LABOUR_COST_FLOOR: a station's labour cost per full-time worker is not below the wage the
 *   bureau sets for the year in `wages` (Wuhan 004 二、(二), the average urban wage): a bureau
 *   setting, since the document names the figure without giving it.</li>
 * </ul>
 * `sources` and `purposes` narrow what counts (empty: every one); `counts` says whether the
 * allocations (安排, the default) or the payments (拨付) are counted.
 */
public record FundingRule(String code, String labelZh, String labelEn, Basis basis, Measure measure,
                          BigDecimal amount, List<String> stationKinds, List<String> sources, List<String> purposes,
                          EntryKind counts, String payerLevel, String fund, BigDecimal percent,
                          Map<Integer, BigDecimal> wages) {

    public enum Measure { STATION_YEARLY_MINIMUM, LEVEL_YEARLY_MINIMUM, ONE_TIME_SUBSIDY, FUND_SHARE, LABOUR_COST_FLOOR }

    /** Money decided for a year (安排/下达) or money paid out (拨付). */
    public enum EntryKind { ALLOCATION, PAYMENT }

    /** What a ledger entry is for; GENERAL is money for the network, the others name a station. */
    public static final List<String> PURPOSES = List.of("GENERAL", "OPERATION", "LABOUR", "CONSTRUCTION_SUBSIDY", "SERVICE_PURCHASE");
    /** The levels that pay: the province's money reaches a bureau through it, the others are its own divisions. */
    public static final List<String> PAYER_LEVELS = List.of("PROVINCIAL", "CITY", "DISTRICT", "STREET");
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d{1,20}(\\.\\d{1,20})?");
    /** numeric(14,2): twelve digits before the point. */
    private static final BigDecimal LARGEST = new BigDecimal("999999999999.99");

    /** A words-only item of the section: listed with its source, never judged. */
    public record Note(String code, String labelZh, String labelEn, String source) {
    }

    /** The typed `funding` section: its rules and its notes. */
    public record Section(List<FundingRule> rules, List<Note> notes) {
        public static final Section EMPTY = new Section(List.of(), List.of());
    }

    /**
     * An amount of yuan as given: a whole number, or a decimal string with at most two places; a
     * floating-point number is refused, since it may already have lost the cent it was written with.
     */
    public static BigDecimal cny(Object raw, String path) {
        BigDecimal value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger || raw instanceof Short) {
            value = new BigDecimal(raw.toString());
        } else if (raw instanceof BigDecimal d) {
            value = d;
        } else if (raw instanceof String s) {
            // digits and one point only: "1e3" or "1,000" is a typing slip, not an amount
            if (!DECIMAL.matcher(s.strip()).matches()) {
                throw ApiException.badInput(path, "an amount is yuan as a decimal with at most two places, e.g. \"150000.00\", not '"
                        + abbreviated(s) + "'");
            }
            value = new BigDecimal(s.strip());
        } else {
            throw ApiException.badInput(path, "an amount is yuan as a whole number or a decimal string with at most two places, "
                    + "e.g. \"1500.50\"; a floating-point number is refused");
        }
        if (value.signum() < 0) {
            throw ApiException.badInput(path, "an amount must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ApiException.badInput(path, "an amount has at most two decimal places (fen)");
        }
        if (value.compareTo(LARGEST) > 0) {
            throw ApiException.badInput(path, "an amount is at most " + LARGEST.toPlainString() + " yuan");
        }
        return value.setScale(2);
    }

    private static String abbreviated(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    /** The `funding` section of a profile document; the path of the first fault otherwise. */
    static Section parse(DocumentReader doc, Set<String> kindCodes, PolicyDocument.Vocabularies vocabularies) {
        DocumentReader f = doc.object("funding");
        if (f == null) {
            return Section.EMPTY;
        }
        for (String field : f.values().keySet()) {
            // the inert text of earlier profiles said rules in free keys: refused rather than kept unjudged
            if (!field.equals("rules") && !field.equals("notes")) {
                throw ApiException.badInput(f.at(field), "funding holds rules (typed, judged) and notes (words only); '"
                        + field + "' is neither");
            }
        }
        List<FundingRule> rules = f.objects("rules", (r, i) -> rule(r, kindCodes, vocabularies));
        List<Note> notes = f.objects("notes", (n, i) -> new Note(n.code("code", true), n.text("labelZh", true),
                n.text("labelEn", true), n.text("source", true)));
        List<String> codes = new ArrayList<>(rules.stream().map(FundingRule::code).toList());
        codes.addAll(notes.stream().map(Note::code).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                String at = i < rules.size() ? f.at("rules") + "[" + i + "]" : f.at("notes") + "[" + (i - rules.size()) + "]";
                throw ApiException.badInput(at + ".code", "code '" + codes.get(i) + "' is used twice");
            }
        }
        return new Section(rules, notes);
    }

    private static FundingRule rule(DocumentReader r, Set<String> kindCodes, PolicyDocument.Vocabularies vocabularies) {
        Measure measure = r.enumValue("measure", Measure.class, null);
        if (measure == null) {
            throw ApiException.badInput(r.at("measure"), "measure is required: one of " + List.of(Measure.values()));
        }
        List<String> kinds = r.codes("stationKinds");
        for (int i = 0; i < kinds.size(); i++) {
            if (!kindCodes.contains(kinds.get(i))) {
                throw ApiException.badInput(r.at("stationKinds") + "[" + i + "]", "'" + kinds.get(i) + "' is not a station kind of the profile");
            }
        }
        if (measure == Measure.LEVEL_YEARLY_MINIMUM && !kinds.isEmpty()) {
            throw ApiException.badInput(r.at("stationKinds"), "a level's minimum counts what the level pays, to any station");
        }
        List<String> sources = r.codes("sources");
        declaredSources(vocabularies, sources, r.at("sources"));
        List<String> purposes = r.texts("purposes");
        for (int i = 0; i < purposes.size(); i++) {
            if (!PURPOSES.contains(purposes.get(i))) {
                throw ApiException.badInput(r.at("purposes") + "[" + i + "]", "purposes are among " + PURPOSES);
            }
        }
        if (measure == Measure.ONE_TIME_SUBSIDY || measure == Measure.LABOUR_COST_FLOOR) {
            if (!purposes.isEmpty()) {
                throw ApiException.badInput(r.at("purposes"), measure == Measure.ONE_TIME_SUBSIDY
                        ? "a construction subsidy counts CONSTRUCTION_SUBSIDY entries only" : "a labour cost counts LABOUR entries only");
            }
            purposes = List.of(measure == Measure.ONE_TIME_SUBSIDY ? "CONSTRUCTION_SUBSIDY" : "LABOUR");
        }
        EntryKind counts = r.enumValue("counts", EntryKind.class, EntryKind.ALLOCATION);
        boolean needsAmount = measure != Measure.FUND_SHARE && measure != Measure.LABOUR_COST_FLOOR;
        BigDecimal amount = null;
        if (r.has("amount")) {
            if (!needsAmount) {
                throw ApiException.badInput(r.at("amount"), "amount is not read by " + measure);
            }
            amount = cny(r.raw("amount"), r.at("amount"));
        } else if (needsAmount) {
            throw ApiException.badInput(r.at("amount"), "amount is required for " + measure);
        }
        String payerLevel = r.text("payerLevel", measure == Measure.LEVEL_YEARLY_MINIMUM);
        if (payerLevel != null && (measure != Measure.LEVEL_YEARLY_MINIMUM || !PAYER_LEVELS.contains(payerLevel))) {
            throw ApiException.badInput(r.at("payerLevel"), measure == Measure.LEVEL_YEARLY_MINIMUM
                    ? "payerLevel is one of " + PAYER_LEVELS : "payerLevel is for LEVEL_YEARLY_MINIMUM only");
        }
        String fund = r.code("fund", measure == Measure.FUND_SHARE);
        BigDecimal percent = null;
        if (fund != null) {
            if (measure != Measure.FUND_SHARE) {
                throw ApiException.badInput(r.at("fund"), "fund is for FUND_SHARE only");
            }
            declaredSources(vocabularies, List.of(fund), r.at("fund"));
            if (!r.has("percent")) {
                throw ApiException.badInput(r.at("percent"), "percent is required for FUND_SHARE, e.g. 20");
            }
            percent = cny(r.raw("percent"), r.at("percent"));
            if (percent.signum() == 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ApiException.badInput(r.at("percent"), "percent is above 0 and at most 100");
            }
        } else if (r.has("percent")) {
            throw ApiException.badInput(r.at("percent"), "percent is for FUND_SHARE only");
        }
        Map<Integer, BigDecimal> wages = new TreeMap<>();
        DocumentReader w = r.object("wages");
        if (w != null) {
            if (measure != Measure.LABOUR_COST_FLOOR) {
                throw ApiException.badInput(r.at("wages"), "wages are for LABOUR_COST_FLOOR only");
            }
            for (String year : w.values().keySet()) {
                if (!year.matches("(19|20|21)\\d{2}")) {
                    throw ApiException.badInput(w.at(year), "wages are keyed by fiscal year, e.g. \"2025\", not '" + year + "'");
                }
                wages.put(Integer.parseInt(year), cny(w.raw(year), w.at(year)));
            }
        }
        Basis basis = PolicyParser.basis(r, null);
        if (measure == Measure.LABOUR_COST_FLOOR && !basis.bureauSetting()) {
            throw ApiException.badInput(r.at("bureauSetting"), "the wage a labour cost is held to is the bureau's figure for each year: "
                    + "mark the rule bureauSetting: true");
        }
        return new FundingRule(r.code("code", true), r.text("labelZh", true), r.text("labelEn", true), basis, measure, amount,
                kinds, sources, purposes, counts, payerLevel, fund, percent, wages);
    }

    private static void declaredSources(PolicyDocument.Vocabularies vocabularies, List<String> codes, String path) {
        List<PolicyDocument.Term> terms = vocabularies.fundingSources();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (terms == null || terms.stream().noneMatch(t -> t.code().equals(code))) {
                throw ApiException.badInput(codes.size() == 1 && path.endsWith(".fund") ? path : path + "[" + i + "]",
                        "'" + code + "' is not declared in vocabularies.fundingSources");
            }
        }
    }

    /** Whether an entry of this source and purpose counts for the rule. */
    public boolean counts(String source, String purpose) {
        return (sources.isEmpty() || sources.contains(source)) && (purposes.isEmpty() || purposes.contains(purpose));
    }

    public String source() {
        return basis.source();
    }
}
