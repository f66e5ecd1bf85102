package io.shegong.excel;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.funding.FundingService;
import io.shegong.funding.FundingService.RecordEntry;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationService;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.shegong.excel.Column.Type.CHOICE;
import static io.shegong.excel.Column.Type.DATE;
import static io.shegong.excel.Column.Type.INTEGER;
import static io.shegong.excel.Column.Type.TEXT;

/**
 * Funding ledger entries (资金台账), one a row, each recorded as `recordFundingEntry` records it:
 * its source from the profile's `fundingSources`, the amount exactly as the cell holds it (a
 * number cell is read as the decimal it stores, a text cell as typed; three decimals or a negative
 * sum is refused at its column), the paying division by code and the station by code or name.
 * TENANT_ADMIN only, as the ledger's mutations.
 */
@Singleton
class FundingImport implements ImportKind {
    static final List<Column> COLUMNS = List.of(
            Column.of("kind", "类型", "Kind", CHOICE, true).listed("entryKinds"),
            Column.of("source", "资金来源", "Source", CHOICE, true).listed("fundingSources"),
            Column.of("amount", "金额（元）", "Amount (CNY)", TEXT, true),
            Column.of("entryDate", "日期", "Date", DATE, true),
            Column.of("fiscalYear", "财政年度", "Fiscal year", INTEGER, true),
            Column.of("payerLevel", "拨付层级", "Paying level", CHOICE, true).listed("payerLevels"),
            Column.of("payer", "拨付区划编码", "Paying division code", TEXT, false).listed("divisions"),
            Column.of("purpose", "用途", "Purpose", CHOICE, true).listed("purposes"),
            Column.of("station", "站点编码或名称", "Station code or name", TEXT, false).listed("stations"),
            Column.of("reference", "文号", "Reference", TEXT, false),
            Column.of("note", "备注", "Note", TEXT, false));
    static final List<Choice> KINDS = List.of(new Choice("ALLOCATION", "安排", "Allocation"), new Choice("PAYMENT", "拨付", "Payment"));
    static final List<Choice> PAYER_LEVELS = List.of(new Choice("PROVINCIAL", "省级", "Provincial"), new Choice("CITY", "市级", "City"),
            new Choice("DISTRICT", "区（县、区市）级", "District"), new Choice("STREET", "街道（镇）级", "Street"));
    static final List<Choice> PURPOSES = List.of(new Choice("GENERAL", "统筹（不指定站点）", "General"),
            new Choice("OPERATION", "站点运营", "Operation"), new Choice("LABOUR", "人力成本", "Labour"),
            new Choice("CONSTRUCTION_SUBSIDY", "一次性建设补贴", "Construction subsidy"),
            new Choice("SERVICE_PURCHASE", "购买服务项目", "Service purchase"));
    // the command's fields that name a column of another name
    private static final Map<String, String> FIELDS = Map.of("stationId", "station", "payerDivisionId", "payer");

    private final FundingService funding;
    private final StationService stations;
    private final DivisionRepository divisions;
    private final PolicyVocabularies vocabularies;
    private final Commands commands;

    FundingImport(FundingService funding, StationService stations, DivisionRepository divisions,
                  PolicyVocabularies vocabularies, Commands commands) {
        this.funding = funding;
        this.stations = stations;
        this.divisions = divisions;
        this.vocabularies = vocabularies;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "funding";
    }

    @Override
    public String entity() {
        return "FundingEntry";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public void requireImporter(Caller caller) {
        caller.requireTenantAdmin();
    }

    @Override
    public List<Listing> lists(Caller caller) {
        Vocabularies terms = vocabularies.today();
        List<Listing> lists = new ArrayList<>();
        lists.add(Listing.labels("entryKinds", "类型", KINDS));
        // a vocabulary the profile leaves free has no list: any code is taken
        if (terms.fundingSources() != null) {
            lists.add(Listing.labels("fundingSources", "资金来源", StationImport.choices(terms.fundingSources())));
        }
        lists.add(Listing.labels("payerLevels", "拨付层级", PAYER_LEVELS));
        lists.add(Listing.codes("divisions", "区划编码", StationImport.divisionChoices(divisions.all())));
        lists.add(Listing.labels("purposes", "用途", PURPOSES));
        lists.add(Listing.codes("stations", "站点编码", StationImport.stationChoices(stations.all(caller, StationImport.everyStation()))));
        return lists;
    }

    @Override
    public Batch begin(Caller caller, List<SheetRow> rows) {
        Map<String, Column> sheet = Column.byField(COLUMNS);
        Vocabularies terms = vocabularies.today();
        List<Choice> sources = terms.fundingSources() == null ? null : StationImport.choices(terms.fundingSources());
        Map<String, Division> divisionByCode = new HashMap<>();
        divisions.all().forEach(d -> divisionByCode.put(d.code(), d));
        Map<String, Station> byCode = new HashMap<>();
        Map<String, List<Station>> byName = new HashMap<>();
        stations.all(caller, StationImport.everyStation()).forEach(s -> {
            byCode.put(s.code(), s);
            byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        });
        return new Batch() {
            @Override
            public List<Integer> order() {
                return IntStream.range(0, rows.size()).boxed().toList();
            }

            @Override
            public String write(RowReader row) {
                Map<String, Object> input = new HashMap<>();
                input.put("kind", row.choice("kind", KINDS, "类型"));
                input.put("source", sources == null ? row.text("source") : row.choice("source", sources, "资金来源"));
                input.put("amount", amount(row));
                input.put("entryDate", row.date("entryDate"));
                Integer year = row.integer("fiscalYear");
                input.put("fiscalYear", year == null ? 0 : year);
                input.put("payerLevel", row.choice("payerLevel", PAYER_LEVELS, "拨付层级"));
                input.put("payerDivisionId", payer(row, row.text("payer")));
                input.put("purpose", row.choice("purpose", PURPOSES, "用途"));
                Station station = station(row, row.text("station"));
                input.put("stationId", station == null ? null : GlobalId.encode("Station", station.id()));
                input.put("reference", row.text("reference"));
                input.put("note", row.text("note"));
                if (!row.errors().isEmpty()) {
                    throw new RowFailed(row.errors());
                }
                try {
                    return GlobalId.encode("FundingEntry", funding.record(caller, commands.bind(input, "input", RecordEntry.class)).id());
                } catch (ApiException e) {
                    throw new RowFailed(List.of(ServiceErrors.of(row, e, FIELDS, sheet)));
                }
            }

            /** The amount as the cell holds it: a number cell's stored decimal, never a double's rounding. */
            private String amount(RowReader row) {
                String raw = row.text("amount");
                return raw == null ? null : raw.replace("，", "").replace(",", "");
            }

            private String payer(RowReader row, String cell) {
                if (cell == null) {
                    return null;
                }
                Division d = divisionByCode.get(cell);
                if (d == null) {
                    row.fault("payer", "未知的区划编码：" + cell, "Unknown division code: " + cell);
                    return null;
                }
                return GlobalId.encode("Division", d.id());
            }

            /** By code; by name when one station alone bears it. */
            private Station station(RowReader row, String cell) {
                if (cell == null) {
                    return null;
                }
                Station s = byCode.get(cell);
                if (s != null) {
                    return s;
                }
                List<Station> named = byName.getOrDefault(cell, List.of());
                if (named.size() == 1) {
                    return named.getFirst();
                }
                row.fault("station", named.isEmpty() ? "未知的站点：" + cell + "（请填写站点编码或站点名称）"
                                : "有 " + named.size() + " 个站点名为“" + cell + "”，请改填站点编码",
                        named.isEmpty() ? "Unknown station: " + cell : named.size() + " stations are named " + cell);
                return null;
            }
        };
    }

    /** The amount as an export writes it: yuan with two places, as text, so the sheet holds what the ledger holds. */
    static String yuan(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
