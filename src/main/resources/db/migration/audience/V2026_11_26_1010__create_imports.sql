-- Contact imports. The uploaded file lives in the database (import_file_chunks), so whichever
-- node picks up or resumes an import can read it; progress and the resume checkpoint live in
-- the imports row, written in the same transaction as each merged batch, so a page reload on any
-- node shows it and a crash resumes exactly after the last committed batch.
create table imports (
    id                bigint generated always as identity primary key,
    account_id        bigint      not null,
    created_by        bigint      not null,
    file_name         text        not null check (length(file_name) between 1 and 255),
    file_size         bigint      not null default 0,
    encoding          text        not null default 'UTF-8',
    delimiter         text,
    status            text        not null default 'uploaded'
                      check (status in ('uploaded', 'queued', 'running', 'completed', 'cancelled', 'failed')),
    -- What the importer chose: column mapping, list, tags, duplicate policy, consent attestation.
    mapping           jsonb,
    options           jsonb,
    list_id           bigint,
    -- The compliance ledger's record of the importer's consent attestation, when given.
    attestation_id    bigint,
    -- Counters, cumulative over resumes.
    rows_read         bigint      not null default 0,
    created           bigint      not null default 0,
    updated           bigint      not null default 0,
    skipped           bigint      not null default 0,
    failed            bigint      not null default 0,
    -- Last line of the file whose row is merged (or rejected) and committed.
    checkpoint_line   bigint      not null default 0,
    cancel_requested  boolean     not null default false,
    -- The node running it and its last sign of life: an import whose heartbeat is older than the
    -- takeover timeout is resumed by any node.
    node              text,
    heartbeat_at      timestamptz,
    failure           text,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);
create index imports_account_idx on imports (account_id, created_at desc);
create index imports_pending_idx on imports (status) where status in ('queued', 'running');

-- The uploaded bytes in 1 MiB chunks. Stored uncompressed (EXTERNAL): the bytes are read once
-- or twice, and pglz on 100 MB costs more than the space it saves.
create table import_file_chunks (
    import_id bigint not null references imports (id) on delete cascade,
    seq       int    not null,
    data      bytea  not null,
    primary key (import_id, seq)
);
alter table import_file_chunks alter column data set storage external;

-- Every rejected row: its line in the file, the row as read, and why.
create table import_errors (
    import_id bigint not null references imports (id) on delete cascade,
    line      bigint not null,
    row_text  text   not null,
    reason    text   not null,
    primary key (import_id, line)
);

-- A merged batch's contacts waiting for their tags, list membership and consent entries. A second
-- connection writes those while the next batch merges (the two halves of the work then run on
-- two cores, docs/performance.md); the row commits with the batch and is deleted with the
-- memberships, so after a crash the resumed import writes them exactly once.
create table import_pending_memberships (
    import_id         bigint   not null references imports (id) on delete cascade,
    last_line         bigint   not null,
    new_contacts      bigint[] not null,
    existing_contacts bigint[] not null,
    opted_in_existing bigint[] not null,
    primary key (import_id, last_line)
);
