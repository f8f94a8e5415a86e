-- A pending batch's arrays hold tens of thousands of contact ids (400 KB for a batch of 50,000):
-- big enough for TOAST to compress them, which cost 1% of an import's database CPU (pglz in the
-- profile) for a row that lives only until the batch's memberships are written.
alter table import_pending_memberships
    alter column new_contacts set storage external,
    alter column existing_contacts set storage external,
    alter column opted_in_existing set storage external;
