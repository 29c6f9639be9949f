-- The ledger: no pledge ends as "expired" (nothing ever wrote it), and the sandbox keeps
-- its own payments, so that staff can refund and dispute them offline as in Stripe.

alter table pledge drop constraint pledge_ended_reason_check;
alter table pledge add constraint pledge_ended_reason_check
    check (ended_reason in ('canceled', 'payment_failed', 'refunded', 'dispute_lost'));

-- A payment the sandbox took: for a checkout (a one-off, or a subscription's first period)
-- or a renewal. Refunds and disputes change it as Stripe's charges change.
create table sandbox_payment (
    id              text primary key check (id ~ '^py_sbx_[A-Za-z0-9]{24}$'),
    session_id      text not null references sandbox_session,
    -- what the ledger knows the pledge by: the subscription, or the session of a one-off
    pledge_ref      text not null check (length(pledge_ref) between 1 and 255),
    amount_minor    minor_amount not null,
    currency        currency_code not null,
    refunded_minor  bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    dispute         text check (dispute in ('open', 'won', 'lost')),
    created_at      timestamptz not null
);
create index sandbox_payment_session_idx on sandbox_payment (session_id, created_at);
