-- The core of Supporters: what is on offer, who supports, what they pledged and paid,
-- the provider events that keep it right, and the staff who look after it.
-- Every rule the code relies on is also a constraint here, so a bug cannot store bad data.

create domain currency_code as char(3) check (value ~ '^[A-Z]{3}$');
create domain minor_amount as bigint check (value > 0 and value <= 100000000);
create domain provider_name as text check (value in ('stripe', 'sandbox'));
create domain billing_interval as text check (value in ('month', 'year'));
create domain email_address as text check (length(value) <= 254 and value ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

create table tier (
    id          bigint generated always as identity primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name        text not null check (length(trim(name)) between 1 and 80),
    description text not null default '' check (length(description) <= 500),
    -- benefit names are the words pages check, e.g. members-only, ad-free
    benefits    text[] not null default '{}'
                check (cardinality(benefits) <= 20
                       and array_to_string(benefits, ',') ~ '^([a-z0-9][a-z0-9-]{0,39}(,|$))*$'),
    position    integer not null check (position >= 0),
    active      boolean not null default true,
    created_at  timestamptz not null default now()
);

create table tier_price (
    tier_id          bigint not null references tier on delete cascade,
    currency         currency_code not null,
    billing_interval billing_interval not null,
    amount_minor     minor_amount not null,
    primary key (tier_id, currency, billing_interval)
);

create table supporter (
    id         uuid primary key default gen_random_uuid(),
    email      email_address not null,
    name       text check (length(name) <= 200),
    created_at timestamptz not null default now()
);
-- one supporter per email address, whatever its letter case
create unique index supporter_email_key on supporter (lower(email));

create table pledge (
    id                   uuid primary key default gen_random_uuid(),
    supporter_id         uuid not null references supporter,
    kind                 text not null check (kind in ('recurring', 'one_off')),
    tier_id              bigint references tier,
    amount_minor         minor_amount not null,
    currency             currency_code not null,
    billing_interval     billing_interval,
    status               text not null,
    provider             provider_name not null,
    provider_ref         text not null check (length(provider_ref) between 1 and 255),
    current_period_end   timestamptz,
    cancel_at_period_end boolean not null default false,
    ended_at             timestamptz,
    ended_reason         text check (ended_reason in ('canceled', 'payment_failed', 'refunded', 'dispute_lost', 'expired')),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (provider, provider_ref),
    check ((kind = 'recurring') = (billing_interval is not null)),
    check (kind = 'recurring' or tier_id is null),
    check ((kind = 'recurring' and status in ('active', 'past_due', 'canceled'))
        or (kind = 'one_off' and status in ('paid', 'refunded'))),
    check ((status in ('canceled', 'refunded')) = (ended_at is not null))
);
create index pledge_supporter_idx on pledge (supporter_id);

create table payment (
    id             uuid primary key default gen_random_uuid(),
    pledge_id      uuid not null references pledge,
    amount_minor   minor_amount not null,
    currency       currency_code not null,
    status         text not null check (status in ('succeeded', 'failed', 'refunded', 'partially_refunded', 'disputed', 'dispute_lost')),
    refunded_minor bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    failure_reason text check (length(failure_reason) <= 500),
    provider       provider_name not null,
    provider_ref   text not null check (length(provider_ref) between 1 and 255),
    occurred_at    timestamptz not null,
    created_at     timestamptz not null default now(),
    unique (provider, provider_ref)
);
create index payment_pledge_idx on payment (pledge_id);

-- The durable inbox: every provider event lands here first, once, then a worker applies it.
create table provider_event (
    id              bigint generated always as identity primary key,
    provider        provider_name not null,
    event_id        text not null check (length(event_id) between 1 and 255),
    type            text not null check (length(type) between 1 and 100),
    payload         jsonb not null,
    received_at     timestamptz not null default now(),
    processed_at    timestamptz,
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    unique (provider, event_id)
);
create index provider_event_due_idx on provider_event (next_attempt_at) where processed_at is null;

create table staff_user (
    id            bigint generated always as identity primary key,
    email         email_address not null,
    display_name  text not null check (length(trim(display_name)) between 1 and 100),
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'STAFF')),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);
create unique index staff_user_email_key on staff_user (lower(email));

-- Who changed what, when and from where. Rows are only ever added.
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    staff_user_id  bigint references staff_user,
    action         text not null check (length(action) between 1 and 100),
    target         text check (length(target) <= 200),
    details        jsonb not null default '{}',
    remote_address text check (length(remote_address) <= 100)
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;

create trigger audit_log_append_only
    before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
