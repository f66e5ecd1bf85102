-- A payment in the ledger may name the contract tranche it pays, so that a tranche is paid, due or
-- overdue by what the ledger holds, and a contract's money is read from the same entries.
ALTER TABLE funding_entry ADD COLUMN tranche_id uuid;
ALTER TABLE funding_entry ADD FOREIGN KEY (tenant_id, tranche_id) REFERENCES contract_tranche (tenant_id, id);
CREATE INDEX funding_entry_tranche_idx ON funding_entry (tenant_id, tranche_id) WHERE tranche_id IS NOT NULL;
