-- Live events: what just happened in an account, for the open browser tabs of that account.
-- A row is written in the transaction of the change and its id is sent with
-- NOTIFY switchboard_live, which PostgreSQL delivers only at commit; every node LISTENs, reads
-- the row by id and pushes it to its own streams of that account. Only the id travels, so the
-- 8000-byte NOTIFY limit never matters and a rolled-back change is never announced.
-- Rows are kept about an hour (switchboard.live.retention): long enough for a tab that lost its
-- connection to be replayed what it missed (SSE Last-Event-ID), short enough to stay small.
-- No foreign key to accounts: platform knows no module's tables, and the rows expire anyway.
create table live_events (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    type       text        not null check (length(type) between 1 and 100),
    subject_id bigint,
    text       text        check (length(text) <= 500),
    created_at timestamptz not null default now()
);

-- Replay for one account after a given id.
create index live_events_account_id_id on live_events (account_id, id);
-- Cleanup of expired rows.
create index live_events_created_at on live_events (created_at);
