-- Consent entries check their attestation once per statement instead of once per row: an
-- attested import writes one entry per contact (a million for a million-row file), and the
-- per-row foreign key check doubled the cost of those inserts (measured beside the audience
-- migration 1500, which does the same for tags and lists). The check is stricter than the
-- foreign key was (the attestation must belong to the entry's account) and takes the same
-- KEY SHARE lock. Attestations are never deleted or updated: they are the evidence.

alter table consent_events drop constraint consent_events_attestation_id_fkey;

create function check_consent_events_attestation() returns trigger language plpgsql as $$
declare
    missing record;
begin
    select n.account_id, n.attestation_id into missing
    from (select distinct account_id, attestation_id from inserted_events where attestation_id is not null) n
    where not exists (select 1 from consent_attestations a
                      where a.id = n.attestation_id and a.account_id = n.account_id for key share)
    limit 1;
    if found then
        raise foreign_key_violation using message = format('consent attestation %s does not exist in account %s',
                                                            missing.attestation_id, missing.account_id);
    end if;
    return null;
end
$$;

create trigger consent_events_check_attestation after insert on consent_events
    referencing new table as inserted_events for each statement execute function check_consent_events_attestation();
