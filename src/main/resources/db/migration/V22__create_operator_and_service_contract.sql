-- Operators (承接主体) and the service contracts (政府购买服务合同) a bureau buys station services
-- with: the stations a contract serves, its payment tranches and deliverables, the reports its
-- operator submits and the evaluations of it. Every table is the tenant's: two bureaus may each
-- register the same organisation, so the credit code is unique per tenant only.
CREATE TABLE operator (
    tenant_id              uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                           REFERENCES tenant (id),
    id                     uuid NOT NULL,
    name                   text NOT NULL,
    -- 统一社会信用代码 (GB 32100-2015); its check digit is verified by the service
    credit_code            text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    registration_authority text,
    registered_on          date,
    legal_representative   text,
    contact_person         text,
    contact_phone          text,
    status                 text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DEREGISTERED')),
    version                integer NOT NULL DEFAULT 1,
    recorded_by            text NOT NULL,
    recorded_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, credit_code)
);
ALTER TABLE operator ENABLE ROW LEVEL SECURITY;
ALTER TABLE operator FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON operator
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON operator TO ${appRole};

-- A worker's employer, when the bureau records it: what tells a contract's own staff from another
-- operator's (subcontracting, 转包). Null is unknown, never "the bureau's own".
ALTER TABLE social_worker ADD COLUMN employer_id uuid;
ALTER TABLE social_worker ADD FOREIGN KEY (tenant_id, employer_id) REFERENCES operator (tenant_id, id);
CREATE INDEX social_worker_employer_idx ON social_worker (tenant_id, employer_id) WHERE employer_id IS NOT NULL;

-- Status holds what people decide (DRAFT, SIGNED, ENDED); IN_FORCE and an expiry are read from
-- the term against the bureau's today, so no job has to move a contract along.
CREATE TABLE service_contract (
    tenant_id             uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                          REFERENCES tenant (id),
    id                    uuid NOT NULL,
    code                  text,
    title                 text NOT NULL,
    purchaser_division_id uuid NOT NULL,
    landing_division_id   uuid NOT NULL,
    operator_id           uuid NOT NULL,
    starts_on             date NOT NULL,
    ends_on               date NOT NULL,
    price                 numeric(14, 2) NOT NULL CHECK (price >= 0),
    status                text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'ENDED')),
    signed_on             date,
    ended_on              date,
    end_reason            text CHECK (end_reason IN ('TERMINATED', 'RENEWED')),
    end_note              text,
    successor_id          uuid,
    takeover_plan         text,
    documents             text[] NOT NULL DEFAULT '{}',
    version               integer NOT NULL DEFAULT 1,
    recorded_by           text NOT NULL,
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, purchaser_division_id) REFERENCES division (tenant_id, id),
    FOREIGN KEY (tenant_id, landing_division_id) REFERENCES division (tenant_id, id),
    FOREIGN KEY (tenant_id, operator_id) REFERENCES operator (tenant_id, id),
    FOREIGN KEY (tenant_id, successor_id) REFERENCES service_contract (tenant_id, id),
    CHECK (ends_on >= starts_on),
    CHECK ((status = 'DRAFT') = (signed_on IS NULL)),
    CHECK ((status = 'ENDED') = (end_reason IS NOT NULL AND ended_on IS NOT NULL)),
    CHECK ((end_reason = 'RENEWED') = (successor_id IS NOT NULL))
);
CREATE INDEX service_contract_operator_idx ON service_contract (tenant_id, operator_id);
ALTER TABLE service_contract ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_contract FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON service_contract
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON service_contract TO ${appRole};

CREATE TABLE contract_station (
    tenant_id   uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                REFERENCES tenant (id),
    contract_id uuid NOT NULL,
    station_id  uuid NOT NULL,
    PRIMARY KEY (tenant_id, contract_id, station_id),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES service_contract (tenant_id, id),
    FOREIGN KEY (tenant_id, station_id) REFERENCES station (tenant_id, id)
);
CREATE INDEX contract_station_station_idx ON contract_station (tenant_id, station_id);
ALTER TABLE contract_station ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_station FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contract_station
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON contract_station TO ${appRole};

-- Payment schedule: each tranche due on a day within the term, on a condition (e.g. 中期评估合格).
CREATE TABLE contract_tranche (
    tenant_id   uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                REFERENCES tenant (id),
    id          uuid NOT NULL,
    contract_id uuid NOT NULL,
    position    integer NOT NULL,
    due_on      date NOT NULL,
    amount      numeric(14, 2) NOT NULL CHECK (amount >= 0),
    condition   text,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, contract_id, position),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES service_contract (tenant_id, id)
);
ALTER TABLE contract_tranche ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_tranche FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contract_tranche
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON contract_tranche TO ${appRole};

-- What the operator owes: a quantity to a quality standard, optionally one slot of the catalogue.
CREATE TABLE contract_deliverable (
    tenant_id   uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                REFERENCES tenant (id),
    contract_id uuid NOT NULL,
    position    integer NOT NULL,
    description text NOT NULL,
    quantity    integer NOT NULL CHECK (quantity >= 0),
    unit        text NOT NULL,
    standard    text,
    slot        text,
    PRIMARY KEY (tenant_id, contract_id, position),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES service_contract (tenant_id, id)
);
ALTER TABLE contract_deliverable ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_deliverable FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contract_deliverable
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON contract_deliverable TO ${appRole};

CREATE TABLE contract_report (
    tenant_id    uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                 REFERENCES tenant (id),
    id           uuid NOT NULL,
    contract_id  uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('MONTHLY_BRIEF', 'MID_TERM', 'FINAL', 'ANNUAL_SUMMARY')),
    period_start date NOT NULL,
    period_end   date NOT NULL,
    body         text NOT NULL,
    submitted_on date NOT NULL,
    accepted_on  date,
    version      integer NOT NULL DEFAULT 1,
    submitted_by text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES service_contract (tenant_id, id),
    CHECK (period_end >= period_start),
    CHECK (accepted_on IS NULL OR accepted_on >= submitted_on)
);
CREATE INDEX contract_report_contract_idx ON contract_report (tenant_id, contract_id);
ALTER TABLE contract_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_report FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contract_report
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON contract_report TO ${appRole};

-- contract_year counts from 1, each a year from the term's first day.
CREATE TABLE contract_evaluation (
    tenant_id     uuid NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id', true), '')::uuid
                  REFERENCES tenant (id),
    id            uuid NOT NULL,
    contract_id   uuid NOT NULL,
    contract_year integer NOT NULL CHECK (contract_year >= 1),
    kind          text NOT NULL CHECK (kind IN ('MID_TERM', 'ANNUAL', 'FINAL')),
    evaluator     text NOT NULL,
    evaluated_on  date NOT NULL,
    score         numeric(5, 2) CHECK (score >= 0 AND score <= 100),
    grade         text NOT NULL,
    note          text,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES service_contract (tenant_id, id)
);
CREATE INDEX contract_evaluation_contract_idx ON contract_evaluation (tenant_id, contract_id);
ALTER TABLE contract_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_evaluation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contract_evaluation
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT SELECT, INSERT ON contract_evaluation TO ${appRole};
