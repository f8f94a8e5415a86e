-- Compliance module: the SMS consent ledger. Every change of a contact's consent is a row here,
-- with how it happened and the evidence; contacts.consent_status (audience) carries the current
-- value so filters need no join. contact_id refers to an audience contact through the module's
-- API, not a foreign key, so the modules keep their own tables.

-- What an importer (or a form) attested, stored once and referred to by every contact it covers.
create table consent_attestations (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null,
    source      text        not null check (source in ('import', 'manual', 'web_form')),
    import_id   bigint,
    text        text        not null check (length(text) between 1 and 2000),
    user_id     bigint,
    attested_at timestamptz not null
);
create index consent_attestations_account_idx on consent_attestations (account_id, attested_at);

create table consent_events (
    account_id     bigint      not null,
    contact_id     bigint      not null,
    id             bigint generated always as identity,
    status         text        not null check (status in ('unknown', 'opted_in', 'opted_out')),
    source         text        not null check (source in ('import', 'manual', 'keyword', 'web_form')),
    attestation_id bigint      references consent_attestations (id),
    user_id        bigint,
    evidence       text,
    occurred_at    timestamptz not null,
    -- One index serves the only read: a contact's history in order.
    primary key (account_id, contact_id, id)
);
