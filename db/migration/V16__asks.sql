-- The asks at the end of articles and in banners, their variants for A/B tests, the
-- counts of how often each was shown, clicked and closed, and what brought a checkout.

create table ask (
    id            uuid primary key default gen_random_uuid(),
    name          text not null check (length(name) between 1 and 100),
    placement     text not null check (placement in ('article', 'banner')),
    starts_at     timestamptz not null,
    ends_at       timestamptz,
    -- an optional goal: supporters won, or an amount in one currency, counted from checkouts
    -- completed between ticker_from and ticker_until
    ticker_goal   bigint check (ticker_goal > 0 and ticker_goal <= 100000000000),
    ticker_unit   text check (ticker_unit = 'supporters' or ticker_unit ~ '^[A-Z]{3}$'),
    ticker_from   timestamptz,
    ticker_until  timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check (ends_at is null or ends_at > starts_at),
    check ((ticker_goal is null) = (ticker_unit is null)),
    check ((ticker_goal is null) = (ticker_from is null)),
    check (ticker_until is null or ticker_until > ticker_from)
);

-- One live ask per placement: overlapping periods are refused (never two at once), one
-- constraint per placement so that no extension is needed.
alter table ask add constraint ask_one_live_article exclude using gist (
    tstzrange(starts_at, ends_at, '[)') with &&
) where (placement = 'article');
alter table ask add constraint ask_one_live_banner exclude using gist (
    tstzrange(starts_at, ends_at, '[)') with &&
) where (placement = 'banner');

create table ask_variant (
    ask_id        uuid not null references ask on delete cascade,
    key           text not null check (key ~ '^[a-e]$'),
    share         integer not null check (share between 0 and 100),
    headline      text not null check (length(headline) between 1 and 200),
    body          text not null check (length(body) <= 4000),
    button_label  text not null check (length(button_label) between 1 and 60),
    -- suggested amounts in minor units of the site's currency, pre-filled on the support page
    amounts       bigint[] not null check (cardinality(amounts) between 1 and 4),
    frequency     text not null check (frequency in ('monthly', 'yearly', 'one-off')),
    primary key (ask_id, key)
);

-- Aggregate counts only: no reader, no address, no article; per ask, variant, placement,
-- event and day.
create table ask_event_count (
    ask_id        uuid not null,
    variant_key   text not null,
    placement     text not null check (placement in ('article', 'banner')),
    event         text not null check (event in ('shown', 'clicked', 'closed')),
    day           date not null,
    n             bigint not null check (n >= 0),
    primary key (ask_id, variant_key, placement, event, day),
    foreign key (ask_id, variant_key) references ask_variant (ask_id, key) on delete cascade
);

-- What brought a checkout: the ask and variant clicked, the article it was on, and the
-- campaign parameters and referrer of the support page's address.
alter table checkout
    add column ask_id       uuid,
    add column ask_variant  text check (ask_variant ~ '^[a-e]$'),
    add column article_url  text check (length(article_url) <= 2000),
    add column utm_source   text check (length(utm_source) <= 100),
    add column utm_medium   text check (length(utm_medium) <= 100),
    add column utm_campaign text check (length(utm_campaign) <= 100),
    add column utm_term     text check (length(utm_term) <= 100),
    add column utm_content  text check (length(utm_content) <= 100),
    add column referrer     text check (length(referrer) <= 500),
    add check ((ask_id is null) = (ask_variant is null));
create index checkout_ask_idx on checkout (ask_id, ask_variant) where ask_id is not null;
create index checkout_completed_idx on checkout (completed_at) where status = 'completed';
