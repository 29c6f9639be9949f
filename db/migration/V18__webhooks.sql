-- Outgoing webhooks: endpoints admins register, and a durable outbox of deliveries written
-- in the same transaction as the ledger change they tell of.
create table webhook_endpoint (
    id                   uuid primary key default gen_random_uuid(),
    url                  text not null check (length(url) between 1 and 2000),
    events               text[] not null check (cardinality(events) > 0),
    -- The signing key, kept as it was shown: an HMAC key must be readable to sign with, so it
    -- cannot be hashed like a password. Whoever reads this table can already read everything
    -- the webhooks send. It is never logged or shown again.
    secret               text not null check (length(secret) between 20 and 200),
    enabled              boolean not null default true,
    disabled_reason      text check (length(disabled_reason) <= 500),
    -- failures in a row, and since when, for the automatic disabling
    consecutive_failures integer not null default 0,
    failing_since        timestamptz,
    created_at           timestamptz not null
);

create table webhook_delivery (
    id              bigint generated always as identity primary key,
    endpoint_id     uuid not null references webhook_endpoint on delete cascade,
    event_id        uuid not null,
    event_type      text not null check (event_type in ('supporter.created', 'membership.changed', 'pledge.started',
                                                        'pledge.ended', 'payment.succeeded', 'payment.refunded')),
    -- deliveries for one supporter to one endpoint go out in id order
    supporter_id    uuid not null,
    body            text not null check (length(body) between 2 and 100000),
    status          text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    retry_until     timestamptz not null,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_order_idx on webhook_delivery (endpoint_id, supporter_id, id) where status = 'pending';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id);

-- One row per attempt: what the receiver answered, or why there was no answer.
create table webhook_attempt (
    id            bigint generated always as identity primary key,
    delivery_id   bigint not null references webhook_delivery on delete cascade,
    attempted_at  timestamptz not null,
    response_code integer,
    error         text check (length(error) <= 500)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);

-- The membership last told of, per supporter, so membership.changed carries old and new.
create table webhook_membership (
    supporter_id uuid primary key,
    membership   text not null check (length(membership) between 2 and 10000)
);
