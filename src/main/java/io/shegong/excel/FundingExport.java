package io.shegong.excel;

import io.shegong.core.db.Sessions;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.funding.FundingEntry;
import io.shegong.funding.FundingService;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The funding ledger as a workbook: a fiscal year's entries (every year when none is given) in the
 * import's columns, so that an exported sheet reads back in, with the amount as text holding
 * exactly the ledger's two places. Read by those who read the ledger; FORBIDDEN to a station's operator.
 */
@Singleton
class FundingExport {
    private final Sessions sessions;
    private final FundingService funding;
    private final StationRepository stations;
    private final DivisionRepository divisions;
    private final PolicyVocabularies vocabularies;

    FundingExport(Sessions sessions, FundingService funding, StationRepository stations, DivisionRepository divisions,
                  PolicyVocabularies vocabularies) {
        this.sessions = sessions;
        this.funding = funding;
        this.stations = stations;
        this.divisions = divisions;
        this.vocabularies = vocabularies;
    }

    byte[] entries(Caller caller, Integer year) {
        caller.requireTenantMember();
        Table table = sessions.forRequest(caller.tenantCode(), caller.passwordLogin(), s -> {
            s.readOnly(true);
            s.bind();
            List<FundingEntry> entries = funding.ledger(caller, year, null);
            Map<UUID, Station> stationById = new HashMap<>();
            stations.all().forEach(st -> stationById.put(st.id(), st));
            Map<UUID, Division> divisionById = new HashMap<>();
            divisions.all().forEach(d -> divisionById.put(d.id(), d));
            Vocabularies terms = vocabularies.today();
            List<List<Object>> rows = new ArrayList<>();
            for (FundingEntry e : entries) {
                Station st = e.stationId() == null ? null : stationById.get(e.stationId());
                Division payer = e.payerDivisionId() == null ? null : divisionById.get(e.payerDivisionId());
                rows.add(Arrays.asList(GlobalId.encode("FundingEntry", e.id()), Choice.labelZh(FundingImport.KINDS, e.kind()),
                        terms.labelZh("fundingSources", e.source()), FundingImport.yuan(e.amount()), e.entryDate(), e.fiscalYear(),
                        Choice.labelZh(FundingImport.PAYER_LEVELS, e.payerLevel()), payer == null ? null : payer.code(),
                        Choice.labelZh(FundingImport.PURPOSES, e.purpose()), st == null ? null : st.code(),
                        st == null ? null : st.name(), e.reference(), e.note(), e.recordedBy()));
            }
            return new Table("资金台账", List.of("ID", "类型", "资金来源", "金额（元）", "日期", "财政年度", "拨付层级", "拨付区划编码",
                    "用途", "站点编码或名称", "站点名称", "文号", "备注", "记录人"), rows);
        });
        return Workbooks.tables(List.of(table));
    }
}
