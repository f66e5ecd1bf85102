package io.shegong.excel;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionCommands.CreateDivision;
import io.shegong.division.DivisionRepository;
import io.shegong.division.DivisionService;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.excel.Column.Type.CHOICE;
import static io.shegong.excel.Column.Type.CODE;
import static io.shegong.excel.Column.Type.INTEGER;
import static io.shegong.excel.Column.Type.TEXT;

/** Divisions, one a row, created as `createDivision` creates them; a parent named by code. */
@Singleton
class DivisionImport implements ImportKind {
    static final List<Column> COLUMNS = List.of(
            Column.of("code", "区划编码", "Code", CODE, true),
            Column.of("level", "层级", "Level", CHOICE, true).listed("levels"),
            Column.of("nameZh", "名称", "Name (zh)", TEXT, true),
            Column.of("nameEn", "英文名称", "Name (en)", TEXT, false),
            Column.of("parent", "上级区划编码", "Parent division code", CODE, false).listed("divisions"),
            Column.of("communityCount", "社区（村）数", "Community count", INTEGER, false),
            Column.of("zone", "片区", "Zone", CHOICE, false).listed("zones"));
    private static final Map<String, String> FIELDS = Map.of("parentId", "parent");

    private final DivisionService service;
    private final DivisionRepository divisions;
    private final PolicyVocabularies vocabularies;
    private final Commands commands;

    DivisionImport(DivisionService service, DivisionRepository divisions, PolicyVocabularies vocabularies,
                   Commands commands) {
        this.service = service;
        this.divisions = divisions;
        this.vocabularies = vocabularies;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "divisions";
    }

    @Override
    public String entity() {
        return "Division";
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
        caller.requireTenantMember();
        List<Listing> lists = new ArrayList<>();
        lists.add(Listing.labels("levels", "层级", Choice.LEVELS));
        lists.add(Listing.codes("divisions", "区划编码", StationImport.divisionChoices(divisions.all())));
        Vocabularies terms = vocabularies.today();
        if (terms.zones() != null) {
            lists.add(Listing.labels("zones", "片区", StationImport.choices(terms.zones())));
        }
        return lists;
    }

    @Override
    public Batch begin(Caller caller, List<SheetRow> rows) {
        Map<String, Column> sheet = Column.byField(COLUMNS);
        Vocabularies terms = vocabularies.today();
        List<Choice> zones = terms.zones() == null ? null : StationImport.choices(terms.zones());
        Refs<String> refs = new Refs<>("Division", "区划编码");
        divisions.all().forEach(d -> refs.known(d.code(), refs.globalId(d.id())));
        for (SheetRow r : rows) {
            Object code = r.cells().get("code");
            if (code != null) {
                refs.inFile(Order.text(code), r.number());
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
                input.put("level", row.choice("level", Choice.LEVELS, "层级"));
                input.put("nameZh", row.text("nameZh"));
                input.put("nameEn", row.text("nameEn"));
                input.put("parentId", refs.resolve(row, "parent", row.text("parent")));
                input.put("communityCount", row.integer("communityCount"));
                input.put("zone", zones == null ? row.text("zone") : row.choice("zone", zones, "片区"));
                if (!row.errors().isEmpty()) {
                    throw new RowFailed(row.errors());
                }
                try {
                    Division created = service.create(caller, commands.bind(input, "input", CreateDivision.class));
                    String id = refs.globalId(created.id());
                    refs.known(created.code(), id);
                    return id;
                } catch (ApiException e) {
                    throw new RowFailed(List.of(ServiceErrors.of(row, e, FIELDS, sheet)));
                }
            }
        };
    }
}
