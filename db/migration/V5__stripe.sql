-- Stripe as the payment provider: one Stripe customer per supporter, the last state of each
-- subscription the service applied, and the reconciliation job's lock and findings.

-- One Stripe customer per email address (a supporter is one email), created before the first checkout.
create table stripe_customer (
    email       email_address not null,
    customer_id text not null unique check (customer_id ~ '^cus_[A-Za-z0-9]+$'),
    created_at  timestamptz not null
);
create unique index stripe_customer_email_key on stripe_customer (lower(email));

-- What the service last applied of each subscription, so reconciliation can see what it missed.
create table stripe_subscription_state (
    subscription_id      text primary key check (subscription_id ~ '^sub_[A-Za-z0-9]+$'),
    status               text not null check (length(status) between 1 and 40),
    current_period_end   timestamptz,
    cancel_at_period_end boolean not null,
    applied_at           timestamptz not null
);

-- A lease per scheduled job, so that one instance at a time runs it (like ShedLock).
create table stripe_job_lock (
    name         text primary key check (name ~ '^[a-z-]{1,40}$'),
    locked_until timestamptz not null,
    locked_by    text not null check (length(locked_by) between 1 and 100)
);

-- What reconciliation found missing and put right, for staff to see.
create table stripe_drift (
    id         bigint generated always as identity primary key,
    found_at   timestamptz not null,
    kind       text not null check (kind in ('undelivered_event', 'subscription_state')),
    object_id  text not null check (length(object_id) between 1 and 255),
    details    text not null check (length(details) between 1 and 1000)
);
create index stripe_drift_found_idx on stripe_drift (found_at desc);
