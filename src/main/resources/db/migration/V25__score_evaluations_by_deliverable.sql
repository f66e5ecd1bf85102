-- An evaluation scores each of the contract's deliverables it looked at, beside its overall score
-- and grade: [{"deliverable": 1, "score": "85.5", "note": "…"}], by the deliverable's position.
ALTER TABLE contract_evaluation ADD COLUMN items jsonb NOT NULL DEFAULT '[]';
