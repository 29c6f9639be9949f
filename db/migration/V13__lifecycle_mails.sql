-- Lifecycle mails: a mail may carry an HTML part besides its plain text.
alter table mail_outbox add column html_body text check (length(html_body) between 1 and 200000);

-- When the provider will next retry a failed renewal (null when it is not retrying):
-- grace lasts at least until then.
alter table pledge add column next_retry_at timestamptz;

-- The mails of a reader's life with us (receipts, a failed payment, a cancel...), one row
-- per event and kind of mail: the unique key makes a repeated, late or out-of-order
-- provider event send nothing twice. The row outlives the outbox's copy (an erasure
-- deletes that) so staff still see which mails were sent, and nothing is sent again.
create table lifecycle_mail (
    id           bigint generated always as identity primary key,
    mail_key     text not null unique check (length(mail_key) between 1 and 300),
    supporter_id uuid not null references supporter,
    pledge_id    uuid references pledge,
    kind         text not null check (kind in ('welcome', 'renewal_receipt', 'payment_failed', 'recovered',
                                               'renewal_notice', 'canceled', 'ended', 'contributor_ending',
                                               'comp_ending')),
    outbox_id    bigint references mail_outbox on delete set null,
    -- when what the mail tells of happened, by the provider's clock
    occurred_at  timestamptz not null,
    created_at   timestamptz not null
);
create index lifecycle_mail_supporter_idx on lifecycle_mail (supporter_id, created_at);
create index lifecycle_mail_pledge_idx on lifecycle_mail (pledge_id, kind, occurred_at);

-- The language a reader pledged in (their browser's), so their mails speak it when the
-- service has words for it. Keyed by the address, as the pledge form knows no supporter yet.
create table reader_locale (
    id         bigint generated always as identity primary key,
    email      email_address not null,
    locale     text not null check (locale ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' and length(locale) <= 35),
    updated_at timestamptz not null
);
create unique index reader_locale_email_key on reader_locale (lower(email));
