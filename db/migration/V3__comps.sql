-- Memberships granted by staff ("comps"): a tier until a date, with a reason.
create table comp (
    id            uuid primary key default gen_random_uuid(),
    supporter_id  uuid not null references supporter,
    tier_id       bigint not null references tier,
    valid_until   timestamptz not null,
    reason        text not null check (length(trim(reason)) between 1 and 500),
    granted_by    bigint references staff_user,
    granted_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    bigint references staff_user,
    check (valid_until > granted_at),
    check (revoked_at is null or revoked_at >= granted_at)
);
create index comp_supporter_idx on comp (supporter_id);
