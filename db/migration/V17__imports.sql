-- Moving members from Patreon (or another service's CSV): where an imported supporter came
-- from, the imports staff ran, each imported patron's state in the invitation campaign,
-- and the campaign's mails (at most one of each kind per patron).

-- The ledger's: an imported supporter's source and their history there, kept as facts.
create table supporter_origin (
    supporter_id     uuid primary key references supporter,
    source           text not null check (source in ('patreon', 'csv')),
    supporting_since timestamptz,
    lifetime_minor   bigint check (lifetime_minor between 0 and 10000000000),
    external_tier    text check (length(external_tier) <= 200),
    amount_minor     bigint check (amount_minor between 0 and 100000000),
    currency         currency_code,
    billing_interval billing_interval,
    note             text check (length(note) <= 1000),
    imported_at      timestamptz not null,
    updated_at       timestamptz not null
);

-- The importing module's: one row per upload; the file is kept only until it is imported.
create table member_import (
    id             bigint generated always as identity primary key,
    source         text not null check (source in ('patreon', 'csv')),
    status         text not null check (status in ('dry_run', 'imported')),
    file_name      text not null check (length(file_name) between 1 and 255),
    file_sha256    text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    file_bytes     bigint not null check (file_bytes >= 0),
    content        bytea,
    tier_map       jsonb not null default '{}',
    rows_total     integer check (rows_total >= 0),
    rows_created   integer check (rows_created >= 0),
    rows_updated   integer check (rows_updated >= 0),
    rows_unchanged integer check (rows_unchanged >= 0),
    rows_skipped   integer check (rows_skipped >= 0),
    uploaded_by    bigint references staff_user,
    uploaded_at    timestamptz not null,
    imported_by    bigint references staff_user,
    imported_at    timestamptz,
    campaign_started_at timestamptz,
    check ((status = 'imported') = (imported_at is not null)),
    check (status = 'dry_run' or content is null)
);

-- One row per imported email (in any letter case): the latest export's view of the patron,
-- and where they are in the campaign.
create table import_patron (
    id               bigint generated always as identity primary key,
    email            email_address not null,
    name             text check (length(name) <= 200),
    supporter_id     uuid not null unique references supporter,
    first_import_id  bigint not null references member_import,
    last_import_id   bigint not null references member_import,
    external_tier    text check (length(external_tier) <= 200),
    tier_id          bigint references tier,
    tier_mapped      boolean not null,
    amount_minor     bigint check (amount_minor between 0 and 100000000),
    currency         currency_code,
    billing_interval billing_interval,
    paid_through     timestamptz not null,
    comp_id          uuid references comp,
    row_digest       text not null check (row_digest ~ '^[0-9a-f]{64}$'),
    opened_at        timestamptz,
    pledged_at       timestamptz,
    pledge_currency  currency_code,
    pledge_monthly_minor bigint check (pledge_monthly_minor >= 0),
    updated_at       timestamptz not null,
    check ((pledged_at is null) = (pledge_currency is null))
);
create unique index import_patron_email_key on import_patron (lower(email));
create index import_patron_first_import_idx on import_patron (first_import_id);

-- Readers who stopped the campaign's mails, by address: they stay stopped across re-imports.
create table campaign_unsubscribe (
    email           email_address not null,
    unsubscribed_at timestamptz not null
);
create unique index campaign_unsubscribe_email_key on campaign_unsubscribe (lower(email));

-- Each kind of campaign mail at most once per patron (a reminder once per its day count).
create table campaign_mail (
    patron_id   bigint not null references import_patron,
    kind        text not null check (kind in ('invitation', 'reminder', 'ended')),
    days_before integer not null default 0 check (days_before between 0 and 365),
    subject     text not null check (length(subject) between 1 and 200),
    sent_at     timestamptz not null,
    primary key (patron_id, kind, days_before)
);
create index campaign_mail_sent_idx on campaign_mail (sent_at);
