-- Audience module: contacts with their default and custom attributes, attribute definitions,
-- tags, lists, segments, notes, and contact imports.
--
-- Sizing: an account may hold millions of contacts and import a million rows in one file, so
-- every index below is paid for on every imported row (docs/performance.md measures each).
-- Tenancy is structural: tenant tables are keyed (account_id, ...) and every query names it.
create extension if not exists citext;
create extension if not exists pg_trgm;

-- ---------------------------------------------------------------------------------------------
-- Custom attributes: an admin defines key, label and type; values live in contacts.attributes
-- (jsonb keyed by the definition's key, typed JSON values: string, number, boolean, ISO date
-- string), so a contact is one row however many attributes it has, an import writes one row per
-- contact, and a filter is an expression on one column rather than a join per condition.
create table attribute_definitions (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null,
    key         text        not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    label       text        not null check (length(label) between 1 and 100),
    type        text        not null check (type in ('text', 'number', 'date', 'boolean', 'choice', 'url')),
    choices     text[]      not null default '{}',
    created_at  timestamptz not null default now()
);
create unique index attribute_definitions_key_idx on attribute_definitions (account_id, key);
create unique index attribute_definitions_label_idx on attribute_definitions (account_id, lower(label));

-- ---------------------------------------------------------------------------------------------
-- Contacts. Identity for SMS is (account, E.164 phone); an email is unique per account
-- case-insensitively; a contact may have neither phone nor email only when a channel made it
-- (a web chat visitor) — imports and the form require one of the two.
-- Email uniqueness is on a lower-cased copy in the "C" collation rather than on a citext
-- column: measured on 100k inserted rows, the citext unique index cost 3x the lower() one (every
-- comparison lower-cases both sides again), the biggest single cost of an import after the
-- trigram index. "C" also makes prefix searches (LIKE 'jo%') usable on phone and email indexes.
-- The id comes from a plain sequence so an import can reserve ids for new rows in one statement
-- (nextval in the select) and knows each new contact's id without a second lookup.
create sequence contacts_id_seq;

create table contacts (
    account_id       bigint      not null,
    id               bigint      not null default nextval('contacts_id_seq'),
    first_name       text        check (length(first_name) <= 200),
    last_name        text        check (length(last_name) <= 200),
    phone            text        collate "C" check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email            text        check (length(email) <= 320),
    email_key        text        collate "C" generated always as (lower(email)) stored,
    company          text        check (length(company) <= 200),
    attributes       jsonb       not null default '{}'::jsonb,
    -- Current SMS consent, kept in step with the compliance module's ledger (consent_events),
    -- here so that filters by consent need no join.
    consent_status   text        not null default 'unknown' check (consent_status in ('unknown', 'opted_in', 'opted_out')),
    source           text        not null check (source in ('manual', 'import', 'api', 'sms', 'webchat', 'messenger')),
    source_import_id bigint,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    -- What name search matches: lower-case "first last", so one trigram index answers name
    -- fragments of 3+ letters and full names ("jo smi" = '%jo%' and '%smi%'). Phone and email
    -- searches are exact (the phone parsed to E.164 first) through the unique indexes: digits and
    -- email text in this column would triple its trigrams and the import's largest cost
    -- (docs/performance.md). Computed by the server, so COPY and every writer keep it right.
    search_name      text        generated always as (
        lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) stored,
    primary key (account_id, id)
);
alter sequence contacts_id_seq owned by contacts.id;
create unique index contacts_phone_idx on contacts (account_id, phone);
create unique index contacts_email_idx on contacts (account_id, email_key);
create index contacts_search_idx on contacts using gin (search_name gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Rows that name a contact (tags, lists, segments, notes) have no foreign key to contacts: the
-- per-row check of a foreign key made listing and tagging a million imported contacts 2.7x
-- slower (docs/performance.md). Writers only insert ids they just read or wrote in the same
-- transaction, and the trigger at the end of this file removes them with their contact.
--
-- Tags: names unique per account, case-insensitively. contact_tags is keyed for "contacts with
-- tag T" (filters, segments); the second index answers "tags of this contact" (profile).
create table tags (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    name       citext      not null check (length(name) between 1 and 60),
    created_at timestamptz not null default now()
);
create unique index tags_name_idx on tags (account_id, name);

create table contact_tags (
    account_id bigint not null,
    tag_id     bigint not null references tags (id) on delete cascade,
    contact_id bigint not null,
    primary key (account_id, tag_id, contact_id)
);
create index contact_tags_contact_idx on contact_tags (account_id, contact_id);

-- ---------------------------------------------------------------------------------------------
-- Lists: every import creates one or adds to one; contacts can be added by hand. A list can be
-- tagged as a whole ("leads", "customers").
create table lists (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    name       citext      not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now()
);
create unique index lists_name_idx on lists (account_id, name);

create table list_members (
    account_id bigint      not null,
    list_id    bigint      not null references lists (id) on delete cascade,
    contact_id bigint      not null,
    added_at   timestamptz not null default now(),
    primary key (account_id, list_id, contact_id)
);
create index list_members_contact_idx on list_members (account_id, contact_id);

create table list_tags (
    account_id bigint not null,
    list_id    bigint not null references lists (id) on delete cascade,
    tag_id     bigint not null references tags (id) on delete cascade,
    primary key (account_id, list_id, tag_id)
);

-- ---------------------------------------------------------------------------------------------
-- Segments: a contact is a member if it has any of the tags, is on any of the lists or was
-- picked by hand, and then matches every attribute condition. Conditions are stored as
-- validated JSON ([{"attribute": "city", "operator": "equals", "value": "Austin"}]); the query
-- is built from a whitelist of attributes and operators, never from the text itself.
create table segments (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    name       citext      not null check (length(name) between 1 and 100),
    conditions jsonb       not null default '[]'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index segments_name_idx on segments (account_id, name);

create table segment_tags (
    account_id bigint not null,
    segment_id bigint not null references segments (id) on delete cascade,
    tag_id     bigint not null references tags (id) on delete cascade,
    primary key (account_id, segment_id, tag_id)
);

create table segment_lists (
    account_id bigint not null,
    segment_id bigint not null references segments (id) on delete cascade,
    list_id    bigint not null references lists (id) on delete cascade,
    primary key (account_id, segment_id, list_id)
);

create table segment_contacts (
    account_id bigint not null,
    segment_id bigint not null references segments (id) on delete cascade,
    contact_id bigint not null,
    primary key (account_id, segment_id, contact_id)
);

-- ---------------------------------------------------------------------------------------------
-- Notes by teammates on a contact's profile (author is an accounts-module user id).
create table contact_notes (
    account_id bigint      not null,
    id         bigint generated always as identity,
    contact_id bigint      not null,
    author_id  bigint      not null,
    body       text        not null check (length(body) between 1 and 5000),
    created_at timestamptz not null default now(),
    primary key (account_id, id)
);
create index contact_notes_contact_idx on contact_notes (account_id, contact_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Deleting contacts deletes what names them, once per statement (a bulk delete of 100k contacts
-- is four set-based deletes, not 400k row triggers).
create function delete_contact_references() returns trigger language plpgsql as $$
begin
    delete from contact_tags t using deleted_contacts d where t.account_id = d.account_id and t.contact_id = d.id;
    delete from list_members m using deleted_contacts d where m.account_id = d.account_id and m.contact_id = d.id;
    delete from segment_contacts s using deleted_contacts d where s.account_id = d.account_id and s.contact_id = d.id;
    delete from contact_notes n using deleted_contacts d where n.account_id = d.account_id and n.contact_id = d.id;
    return null;
end
$$;

create trigger contacts_delete_references after delete on contacts
    referencing old table as deleted_contacts for each statement execute function delete_contact_references();
