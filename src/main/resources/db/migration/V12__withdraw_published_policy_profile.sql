-- A published revision may be withdrawn back to a draft before it takes effect, so that a
-- mistake found in time is corrected rather than lived with. The database allows exactly that
-- change of a published row (status back to DRAFT, nothing else changed but its version and
-- time stamps) and still refuses every other; the service allows it only before the revision's
-- first day in the bureau's time zone, which the database does not know of the service's clock.
CREATE OR REPLACE FUNCTION policy_profile_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status = 'DRAFT' AND NEW.published_at IS NULL
            AND NEW.tenant_id = OLD.tenant_id AND NEW.id = OLD.id AND NEW.revision = OLD.revision
            AND NEW.document = OLD.document AND NEW.effective_from IS NOT DISTINCT FROM OLD.effective_from
            AND NEW.based_on IS NOT DISTINCT FROM OLD.based_on AND NEW.created_by = OLD.created_by THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'published policy profiles are immutable' USING ERRCODE = 'check_violation';
END $$;
