-- The funding ledger (资金): money allocated (安排/下达) or paid (拨付) to the bureau's stations and
-- network, by source (the profile's fundingSources vocabulary), in CNY as an exact decimal, for a
-- fiscal year, by the level that pays (the province, the city, a district or a street, with the
-- paying division when it is one of the bureau's), and for what: a station's operation, labour
-- (人力成本), its one-time construction subsidy, services bought from it, or the network in general.
-- A station is named exactly when the money is for one.
CREATE TABLE funding_entry (
    tenant_id          uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                       REFERENCES tenant (id),
    id                 uuid NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('ALLOCATION', 'PAYMENT')),
    source             text NOT NULL,
    amount             numeric(14, 2) NOT NULL CHECK (amount >= 0),
    entry_date         date NOT NULL,
    fiscal_year        integer NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2199),
    payer_level        text NOT NULL CHECK (payer_level IN ('PROVINCIAL', 'CITY', 'DISTRICT', 'STREET')),
    payer_division_id  uuid,
    purpose            text NOT NULL CHECK (purpose IN ('GENERAL', 'OPERATION', 'LABOUR', 'CONSTRUCTION_SUBSIDY',
                                                        'SERVICE_PURCHASE')),
    station_id         uuid,
    reference          text,
    note               text,
    version            integer NOT NULL DEFAULT 1,
    recorded_by        text NOT NULL,
    -- the clock, not the transaction's start: the entries of one imported sheet keep the order they were recorded in
    recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id),
    FOREIGN KEY (tenant_id, payer_division_id) REFERENCES division (tenant_id, id),
    CHECK ((purpose = 'GENERAL') = (station_id IS NULL))
);
-- findings and totals read a fiscal year whole; a station's money is read by station
CREATE INDEX funding_entry_year_idx ON funding_entry (tenant_id, fiscal_year);
CREATE INDEX funding_entry_station_idx ON funding_entry (tenant_id, station_id, fiscal_year) WHERE station_id IS NOT NULL;
ALTER TABLE funding_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE funding_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON funding_entry
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON funding_entry TO ${appRole};
