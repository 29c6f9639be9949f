-- The reader's checkout, the state snapshots the provider reports, and the offline sandbox provider.

-- A checkout a reader started; it becomes a pledge only when the provider reports it paid.
create table checkout (
    id               uuid primary key default gen_random_uuid(),
    -- the same form sent twice (double click, reload, back and resubmit) has the same key
    idempotency_key  text not null unique check (length(idempotency_key) between 16 and 128),
    email            email_address not null,
    name             text check (length(name) <= 200),
    kind             text not null check (kind in ('recurring', 'one_off')),
    tier_id          bigint references tier,
    amount_minor     minor_amount not null,
    currency         currency_code not null,
    billing_interval billing_interval,
    status           text not null default 'open' check (status in ('open', 'completed', 'expired')),
    provider         provider_name not null,
    provider_session text check (length(provider_session) <= 255),
    redirect_url     text check (length(redirect_url) <= 2000),
    created_at       timestamptz not null,
    completed_at     timestamptz,
    check ((kind = 'recurring') = (billing_interval is not null)),
    check (kind = 'recurring' or tier_id is null),
    check ((status = 'completed') = (completed_at is not null))
);
create index checkout_open_idx on checkout (created_at) where status = 'open';

-- Provider events may arrive out of order: a snapshot older than the stored one is ignored.
alter table pledge add column checkout_id uuid unique references checkout;
alter table pledge add column provider_state_at timestamptz not null;
alter table payment add column provider_state_at timestamptz not null;

-- Secrets the service makes for itself, shared by every instance through the database.
create table app_secret (
    name       text primary key check (name ~ '^[a-z0-9.-]{1,60}$'),
    value      bytea not null check (length(value) >= 32),
    created_at timestamptz not null default now()
);

-- The sandbox provider's own books: its hosted checkouts, subscriptions and clock.
create table sandbox_session (
    id               text primary key check (id ~ '^cs_sbx_[A-Za-z0-9]{24}$'),
    checkout_id      uuid not null unique,
    email            email_address not null,
    name             text check (length(name) <= 200),
    description      text not null check (length(description) <= 200),
    tier_slug        text,
    amount_minor     minor_amount not null,
    currency         currency_code not null,
    billing_interval billing_interval,
    success_url      text not null,
    cancel_url       text not null,
    status           text not null default 'open' check (status in ('open', 'authenticating', 'completed')),
    created_at       timestamptz not null,
    completed_at     timestamptz,
    check ((status = 'completed') = (completed_at is not null))
);

create table sandbox_subscription (
    id                   text primary key check (id ~ '^sub_sbx_[A-Za-z0-9]{24}$'),
    session_id           text not null unique references sandbox_session,
    status               text not null check (status in ('active', 'past_due', 'canceled')),
    current_period_end   timestamptz not null,
    cancel_at_period_end boolean not null default false,
    fails_renewals       boolean not null,
    failed_attempts      integer not null default 0 check (failed_attempts between 0 and 4),
    next_attempt_at      timestamptz,
    canceled_at          timestamptz,
    check ((status = 'canceled') = (canceled_at is not null))
);
create index sandbox_subscription_due_idx on sandbox_subscription (next_attempt_at) where status <> 'canceled';

-- How far a person has moved the sandbox's clock ahead of real time.
create table sandbox_clock (
    id             boolean primary key default true check (id),
    offset_seconds bigint not null default 0 check (offset_seconds >= 0)
);
insert into sandbox_clock default values;
