-- Several currencies: the support page offers the reader's currency among those admins
-- offer. Tier prices were already kept per currency and interval (tier_price); until now
-- only SUPPORTERS_CATALOG_CURRENCY was shown. That setting stays the default currency,
-- always offered; every other currency is offered only once an admin says so.
create table catalog_currency (
    currency   currency_code primary key,
    offered    boolean not null default false,
    changed_at timestamptz not null default now()
);

-- the currencies existing tiers already have prices in (the example tiers: EUR, GBP, USD),
-- listed for admins but not offered, so existing installs show what they showed before
insert into catalog_currency (currency)
select distinct currency from tier_price
on conflict do nothing;
