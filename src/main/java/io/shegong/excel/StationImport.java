package io.shegong.excel;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.PolicyDocument.Term;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationCommands.CreateStation;
import io.shegong.station.StationKind;
import io.shegong.station.StationRepository;
import io.shegong.station.StationService;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.excel.Column.Type.CHOICE;
import static io.shegong.excel.Column.Type.CODE;
import static io.shegong.excel.Column.Type.CODES;
import static io.shegong.excel.Column.Type.DATE;
import static io.shegong.excel.Column.Type.NUMBER;
import static io.shegong.excel.Column.Type.TEXT;

/** Stations, one a row, created as `createStation` creates them; divisions and parents named by code. */
@Singleton
class StationImport implements ImportKind {
    static final List<Column> COLUMNS = List.of(
            Column.of("code", "站点编码", "Code", CODE, true),
            Column.of("name", "站点名称", "Name", TEXT, true),
            Column.of("kind", "站点类型", "Kind", CHOICE, true).listed("kinds"),
            Column.of("division", "所属区划编码", "Division code", CODE, true).listed("divisions"),
            Column.of("operatingMode", "运营模式", "Operating mode", CHOICE, true).listed("operatingModes"),
            Column.of("status", "状态", "Status", CHOICE, false).listed("statuses"),
            Column.of("statusSince", "状态起始日期", "Status since", DATE, false),
            Column.of("parent", "上级站点编码", "Parent station code", CODE, false).listed("stations"),
            Column.of("domain", "服务领域", "Domain", CHOICE, false).listed("domains"),
            Column.of("hostFacility", "依托场所", "Host facility", TEXT, false),
            Column.of("address", "地址", "Address", TEXT, false),
            Column.of("latitude", "纬度", "Latitude", NUMBER, false),
            Column.of("longitude", "经度", "Longitude", NUMBER, false),
            Column.of("rooms", "功能室", "Rooms", CODES, false).listed("rooms"),
            Column.of("rules", "制度", "Rules", CODES, false).listed("rules"));
    // the command's fields that name a column of another name
    private static final Map<String, String> FIELDS = Map.of("divisionId", "division", "parentId", "parent");

    private final StationService stations;
    private final DivisionRepository divisions;
    private final PolicyVocabularies vocabularies;
    private final Commands commands;

    StationImport(StationService stations, DivisionRepository divisions, PolicyVocabularies vocabularies,
                  Commands commands) {
        this.stations = stations;
        this.divisions = divisions;
        this.vocabularies = vocabularies;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "stations";
    }

    @Override
    public String entity() {
        return "Station";
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
        lists.add(Listing.labels("kinds", "站点类型", kinds(caller)));
        lists.add(Listing.codes("divisions", "区划编码", divisionChoices(divisions.all())));
        lists.add(Listing.labels("operatingModes", "运营模式", Choice.OPERATING_MODES));
        lists.add(Listing.labels("statuses", "状态", Choice.STATUSES));
        lists.add(Listing.codes("stations", "站点编码", stationChoices(stations.all(caller, everyStation()))));
        // a vocabulary the profile leaves free has no list: any code is taken
        if (terms.domains() != null) {
            lists.add(Listing.labels("domains", "服务领域", choices(terms.domains())));
        }
        if (terms.rooms() != null) {
            lists.add(Listing.several("rooms", "功能室", choices(terms.rooms())));
        }
        if (terms.rules() != null) {
            lists.add(Listing.several("rules", "制度", choices(terms.rules())));
        }
        return lists;
    }

    @Override
    public Batch begin(Caller caller, List<SheetRow> rows) {
        Map<String, Column> sheet = Column.byField(COLUMNS);
        List<Choice> kinds = kinds(caller);
        Vocabularies terms = vocabularies.today();
        Refs<String> divisionRefs = new Refs<>("Division", "区划编码");
        divisions.all().forEach(d -> divisionRefs.known(d.code(), GlobalId.encode("Division", d.id())));
        Refs<String> stationRefs = new Refs<>("Station", "站点编码");
        stations.all(caller, everyStation()).forEach(s -> stationRefs.known(s.code(), stationRefs.globalId(s.id())));
        for (SheetRow r : rows) {
            Object code = r.cells().get("code");
            if (code != null) {
                stationRefs.inFile(Order.text(code), r.number());
            }
        }
        return new Batch() {
            @Override
            public List<Integer> order() {
                return Order.parentsFirst(rows, "code", "parent");
            }

            @Override
            public String write(RowReader row) {
                Map<String, Object> input = new HashMap<>();
                input.put("code", row.text("code"));
                input.put("name", row.text("name"));
                input.put("kind", row.choice("kind", kinds, "站点类型"));
                input.put("divisionId", divisionRefs.resolve(row, "division", row.text("division")));
                input.put("operatingMode", row.choice("operatingMode", Choice.OPERATING_MODES, "运营模式"));
                input.put("status", row.choice("status", Choice.STATUSES, "状态"));
                input.put("statusSince", row.date("statusSince"));
                input.put("parentId", stationRefs.resolve(row, "parent", row.text("parent")));
                input.put("domain", terms.domains() == null ? row.text("domain")
                        : row.choice("domain", choices(terms.domains()), "服务领域"));
                input.put("hostFacility", row.text("hostFacility"));
                input.put("address", row.text("address"));
                input.put("latitude", row.number("latitude"));
                input.put("longitude", row.number("longitude"));
                input.put("rooms", row.choices("rooms", terms.rooms() == null ? null : choices(terms.rooms()), "功能室"));
                input.put("rules", row.choices("rules", terms.rules() == null ? null : choices(terms.rules()), "制度"));
                if (!row.errors().isEmpty()) {
                    throw new RowFailed(row.errors());
                }
                try {
                    Station created = stations.create(caller, commands.bind(input, "input", CreateStation.class));
                    String id = stationRefs.globalId(created.id());
                    stationRefs.known(created.code(), id);
                    return id;
                } catch (ApiException e) {
                    throw new RowFailed(List.of(ServiceErrors.of(row, e, FIELDS, sheet)));
                }
            }
        };
    }

    private List<Choice> kinds(Caller caller) {
        return stations.kinds(caller).stream().map((StationKind k) -> new Choice(k.code(), k.labelZh(), k.labelEn())).toList();
    }

    static List<Choice> choices(List<Term> terms) {
        return terms.stream().map(t -> new Choice(t.code(), t.labelZh() == null ? t.code() : t.labelZh(),
                t.labelEn() == null ? t.code() : t.labelEn())).toList();
    }

    static List<Choice> divisionChoices(List<Division> all) {
        return all.stream().map(d -> new Choice(d.code(), d.nameZh(), d.nameEn() == null ? d.nameZh() : d.nameEn())).toList();
    }

    static List<Choice> stationChoices(List<Station> all) {
        return all.stream().map(s -> new Choice(s.code(), s.name(), s.name())).toList();
    }

    static StationRepository.Filter everyStation() {
        return new StationRepository.Filter(null, null, null, null, null, null);
    }
}
