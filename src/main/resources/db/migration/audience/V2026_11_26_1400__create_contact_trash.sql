-- A deleted contact's snapshot, kept for ten minutes so "Deleted Ann Lee. Undo" can put it back
-- with the same id, tags, lists, hand-picked segments and notes. The snapshot is plain JSON of the
-- rows as they were (to_jsonb), so a column added to contacts later is kept without changing this
-- table. Not named deleted_contacts: that is the transition table of the contacts delete trigger.
-- Rows older than the undo window are removed whenever the account deletes another contact.
create table contact_trash (
    account_id  bigint      not null,
    contact_id  bigint      not null,
    deleted_by  bigint      not null,
    deleted_at  timestamptz not null,
    contact     jsonb       not null,
    tag_ids     bigint[]    not null default '{}',
    list_ids    bigint[]    not null default '{}',
    segment_ids bigint[]    not null default '{}',
    notes       jsonb       not null default '[]'::jsonb,
    primary key (account_id, contact_id)
);
