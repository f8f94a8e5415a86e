-- Accounts module: tenants, users, their memberships (role per account), invitations,
-- API tokens and sign-in failures (for throttling across nodes).
create extension if not exists citext;

create table accounts (
    id              bigint generated always as identity primary key,
    name            text        not null check (length(name) between 1 and 200),
    time_zone       text        not null,
    default_country char(2)     not null,
    created_at      timestamptz not null default now()
);

-- A user is a person; the same user may belong to several accounts (memberships).
create table users (
    id            bigint generated always as identity primary key,
    email         citext      not null unique,
    name          text        not null check (length(name) between 1 and 200),
    password_hash text        not null,
    created_at    timestamptz not null default now()
);

create table memberships (
    account_id   bigint      not null references accounts (id) on delete cascade,
    user_id      bigint      not null references users (id) on delete cascade,
    role         text        not null check (role in ('owner', 'admin', 'agent')),
    active       boolean     not null default true,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    primary key (account_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

-- First-run setup may happen once: the single row makes a second attempt fail even when two
-- requests race.
create table installation (
    singleton  boolean     primary key default true check (singleton),
    set_up_at  timestamptz not null default now()
);

-- An invite link carries a random token; only its SHA-256 is stored.
create table invitations (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references accounts (id) on delete cascade,
    email       citext      not null,
    role        text        not null check (role in ('owner', 'admin', 'agent')),
    token_hash  bytea       not null unique,
    invited_by  bigint      not null references users (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index invitations_account_idx on invitations (account_id);

-- Personal API tokens: shown once, stored as SHA-256; a token acts in its account with its
-- creator's current role there.
create table api_tokens (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references accounts (id) on delete cascade,
    user_id      bigint      not null references users (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   bytea       not null unique,
    token_hint   text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_account_idx on api_tokens (account_id);

create table sign_in_failures (
    id             bigint generated always as identity primary key,
    email          citext      not null,
    remote_address text        not null,
    failed_at      timestamptz not null default now()
);
create index sign_in_failures_email_idx on sign_in_failures (email, failed_at);
create index sign_in_failures_address_idx on sign_in_failures (remote_address, failed_at);
