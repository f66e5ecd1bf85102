package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The bound tenant's station kinds. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StationKindRepository extends GenericRepository<StationKind, String> {

    /** In the bureau's own order. */
    @Query("SELECT * FROM station_kind ORDER BY sort_order, code")
    List<StationKind> all();

    /**
     * Adds a kind, or brings the one with its code up to date, at a place in the bureau's order.
     * A kind is never removed: stations of it may still exist.
     */
    @Query("""
            INSERT INTO station_kind (code, label_zh, label_en, level, parent_kinds, requires_domain, sort_order)
            VALUES (:code, :labelZh, :labelEn, :level, CAST(:parentKinds AS text[]), :requiresDomain, :sortOrder)
            ON CONFLICT (tenant_id, code) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en,
                level = excluded.level, parent_kinds = excluded.parent_kinds,
                requires_domain = excluded.requires_domain, sort_order = excluded.sort_order""")
    void put(String code, String labelZh, String labelEn, String level,
             @TypeDef(type = DataType.STRING_ARRAY) String[] parentKinds, boolean requiresDomain, int sortOrder);
}
