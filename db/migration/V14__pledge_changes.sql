-- Readers change their own support on /account. Why a reader canceled travels through the
-- provider (Stripe keeps it on the subscription) and comes back to the ledger like any
-- other state; the account keeps each change a reader asked for until the ledger shows it.

alter table pledge
    add column cancel_reason text
        check (cancel_reason in ('too_expensive', 'not_reading', 'unhappy', 'other_publication', 'other')),
    add column cancel_comment text check (length(cancel_comment) between 1 and 500),
    -- when the ledger heard the reader's cancel; cleared when they resume
    add column canceled_at timestamptz;
create index pledge_canceled_at_idx on pledge (canceled_at) where canceled_at is not null;

-- One change a reader asked for, keyed by its form's idempotency key: a double click
-- finds the row and asks the provider nothing twice.
create table pledge_change (
    id                uuid primary key,
    supporter_id      uuid not null references supporter on delete cascade,
    pledge_id         uuid not null references pledge on delete cascade,
    kind              text not null check (kind in ('change', 'cancel', 'resume')),
    tier_slug         text check (length(tier_slug) between 1 and 100),
    amount_minor      minor_amount,
    currency          currency_code,
    billing_interval  billing_interval,
    requested_at      timestamptz not null default now(),
    check ((kind = 'change') = (amount_minor is not null and currency is not null and billing_interval is not null))
);
create index pledge_change_pledge_idx on pledge_change (pledge_id, requested_at desc);
