-- Inbox module: inboxes (channels will route into them) and which teammates are members.
-- user_id refers to an accounts-module user; it is checked through the Accounts facade, not
-- by a foreign key, so the modules keep their own tables.
create table inboxes (
    id         bigint generated always as identity primary key,
    account_id bigint      not null,
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index inboxes_name_idx on inboxes (account_id, lower(name));

create table inbox_members (
    account_id bigint not null,
    inbox_id   bigint not null references inboxes (id) on delete cascade,
    user_id    bigint not null,
    primary key (inbox_id, user_id)
);
create index inbox_members_account_idx on inbox_members (account_id, user_id);
