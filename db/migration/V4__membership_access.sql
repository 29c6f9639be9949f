-- How article pages learn who is a member: reader sign-in, sessions, mail, API keys and
-- the keys that sign the membership token.

-- A sign-in a reader asked for: one mail with a link and a 6-digit code, both single-use.
-- Only hashes are stored: the link token's SHA-256 and the code's HMAC (keyed, as 6 digits
-- are few).
create table sign_in_request (
    id          uuid primary key default gen_random_uuid(),
    email       email_address not null,
    link_hash   bytea not null unique check (length(link_hash) = 32),
    code_hash   bytea not null check (length(code_hash) = 32),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    -- wrong codes typed for this request; at 5 it is used up
    failed_codes integer not null default 0 check (failed_codes between 0 and 5),
    check (expires_at > created_at),
    check (used_at is null or used_at >= created_at)
);
create index sign_in_request_email_idx on sign_in_request (lower(email), created_at);

-- One row per counted attempt (sign-in mail, wrong API key), for limits shared by every instance.
create table rate_limit_hit (
    bucket text not null check (length(bucket) between 1 and 300),
    at     timestamptz not null
);
create index rate_limit_hit_idx on rate_limit_hit (bucket, at);

-- Every mail the service sends is kept here first; a worker hands it to SMTP when one is configured.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       email_address not null,
    subject         text not null check (length(subject) between 1 and 200),
    body            text not null check (length(body) between 1 and 20000),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text check (length(last_error) <= 1000)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;

-- Keys that site servers use on the members API; only the key's SHA-256 is kept.
create table api_key (
    id           uuid primary key default gen_random_uuid(),
    name         text not null check (length(trim(name)) between 1 and 100),
    key_hash     bytea not null unique check (length(key_hash) = 32),
    created_at   timestamptz not null,
    created_by   bigint references staff_user,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    check (revoked_at is null or revoked_at >= created_at)
);

-- EC P-256 keys that sign the membership token, shared by every instance. The newest
-- signs; a superseded key stays published until every token it signed has expired.
create table membership_signing_key (
    kid           text primary key check (kid ~ '^[A-Za-z0-9_-]{8,64}$'),
    jwk           text not null,
    created_at    timestamptz not null,
    superseded_at timestamptz,
    check (superseded_at is null or superseded_at >= created_at)
);
-- at most one key signs at a time
create unique index membership_signing_key_current on membership_signing_key ((true)) where superseded_at is null;

-- Spring Session's tables (spring-session-jdbc's schema-postgresql.sql): readers' sessions
-- survive restarts and are shared by every instance.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Every instance caches memberships for a few seconds; a change to a supporter's pledges
-- or comps tells them all (LISTEN membership_changed) to forget that supporter.
create function notify_membership_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('membership_changed', old.supporter_id::text);
    else
        perform pg_notify('membership_changed', new.supporter_id::text);
    end if;
    return null;
end $$;

create trigger pledge_membership_changed
    after insert or update or delete on pledge
    for each row execute function notify_membership_changed();

create trigger comp_membership_changed
    after insert or update or delete on comp
    for each row execute function notify_membership_changed();
