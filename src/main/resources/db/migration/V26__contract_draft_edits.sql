-- A draft contract is edited (updateContract): its stations, tranches and deliverables, when sent,
-- replace the draft's whole list, so the application deletes the rows it replaces. Signed
-- contracts are never edited; the service refuses them before anything is deleted.
GRANT DELETE ON contract_station, contract_tranche, contract_deliverable TO ${appRole};
