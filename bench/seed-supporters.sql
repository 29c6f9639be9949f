-- Fills a Supporters database with about 1,000,000 supporters and 10,000,000 payments
-- over three years (or :supporters supporters and ten times as many payments), for trying
-- the staff reports at scale. Run by bench/seed (see README, "Staff reports"); the schema
-- must exist (start the service on the database once). Triggers are off while rows go in
-- (they would keep the dashboard's summary row by row); the summary is rebuilt at the end.
-- Realistic enough to measure: three tiers plus own amounts, mostly monthly, EUR/GBP/USD,
-- growth over time, about 2.5% monthly churn, failed, recovered and refunded payments.
-- The secondary indexes of pledge and payment are dropped while rows go in and built
-- again afterwards from their own definitions (much faster than maintaining them row by row).
\set ON_ERROR_STOP on
\timing on
\if :{?supporters}
\else
    \set supporters 1000000
\endif
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';

select setseed(0.42);
-- no triggers while seeding (a superuser's setting): neither the summary's nor the
-- membership cache's notices, nor foreign-key checks, for rows made consistent here
set session_replication_role = replica;

-- run once per database: the seeded rows are recognisable by their provider references
do $$
begin
    if exists (select 1 from pledge where provider_ref = 'seed_pl_1') then
        raise exception 'this database is seeded already; seed a fresh one (bench/seed creates it)';
    end if;
end $$;
delete from supporter s where email like 'reader%@example.org' and not exists (select 1 from pledge p where p.supporter_id = s.id);

-- tiers: the service's example tiers, or three of our own; prices in the three currencies
insert into tier (slug, name, description, benefits, position)
select * from (values ('friend', 'Friend', 'Keeps the lights on', array['fewer-asks'], 0),
                      ('supporter', 'Supporter', 'Members-only articles', array['members-only', 'fewer-asks'], 1),
                      ('patron', 'Patron', 'Everything, ad-free', array['members-only', 'fewer-asks', 'ad-free'], 2)) t
where not exists (select 1 from tier);

insert into tier_price (tier_id, currency, billing_interval, amount_minor)
select t.id, c.currency, i.billing_interval,
       (case t.position when 0 then 500 when 1 then 1000 else 2500 end) * (case i.billing_interval when 'year' then 10 else 1 end)
from (select id, row_number() over (order by position, id) - 1 as position from tier where active limit 3) t
cross join (values ('EUR'), ('GBP'), ('USD')) c(currency)
cross join (values ('month'), ('year')) i(billing_interval)
on conflict do nothing;

create temp table seed_tier as
select id, row_number() over (order by position, id) as rank from tier where active order by position, id limit 3;

create temp table seed_index as
select indexname, indexdef from pg_indexes i
where schemaname = 'public' and tablename in ('pledge', 'payment')
  and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$
declare index record;
begin
    for index in select indexname from seed_index loop
        execute format('drop index %I', index.indexname);
    end loop;
end $$;

-- one row per supporter with everything random that the inserts below share
create unlogged table seed_pledge as
select n,
       md5('seed-supporter-' || n)::uuid as supporter_id,
       md5('seed-pledge-' || n)::uuid as pledge_id,
       -- growth: more supporters joined recently
       now() - interval '3 years' * (1 - power(random(), 0.9)) as created_at,
       random() < 0.85 as recurring,
       case when random() < 0.85 then 'month' else 'year' end as billing_interval,
       1 + floor(random() * 2.2)::int as tier_rank,
       random() < 0.1 as own_amount,
       case when random() < 0.7 then 'EUR' when random() < 0.67 then 'GBP' else 'USD' end as currency,
       -- lifetime in months: exponential, about 2.5% churn a month
       -ln(1 - random()) / 0.025 as lifetime_months,
       random() as luck
from generate_series(1, :supporters) n;

insert into supporter (id, email, name, created_at)
select supporter_id,
       'reader' || n || '@example.org',
       case when n % 100000 = 7 then '<script>alert(' || n || ')</script>'
            when n % 5 = 0 then null
            else (array['Ada', 'Ben', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun'])[1 + n % 10]
                 || ' ' || (array['Smith', 'Jones', 'Okafor', 'Müller', 'Rossi', 'Tanaka', 'Silva', 'Novak'])[1 + (n / 10) % 8] end,
       created_at
from seed_pledge;

-- the pledge, as it stands now
insert into pledge (id, supporter_id, kind, tier_id, amount_minor, currency, billing_interval, status, provider,
                    provider_ref, current_period_end, cancel_at_period_end, ended_at, ended_reason, created_at, updated_at,
                    provider_state_at)
select p.pledge_id, p.supporter_id,
       case when p.recurring then 'recurring' else 'one_off' end,
       case when p.recurring and not p.own_amount then p.tier_id end,
       case when not p.recurring then (array[500, 1000, 2500, 5000])[1 + floor(p.luck * 4)::int]
            when p.own_amount then 300 + floor(p.luck * 40)::int * 100 * (case p.billing_interval when 'year' then 10 else 1 end)
            else (select amount_minor from tier_price tp where tp.tier_id = p.tier_id and tp.currency = p.currency
                  and tp.billing_interval = p.billing_interval) end,
       p.currency,
       case when p.recurring then p.billing_interval end,
       case when not p.recurring then (case when p.luck < 0.01 then 'refunded' else 'paid' end)
            when p.ended_at is not null then 'canceled'
            when p.luck < 0.02 then 'past_due'
            else 'active' end,
       case when p.n % 10 < 7 then 'stripe' else 'sandbox' end,
       'seed_pl_' || p.n,
       case when p.recurring then p.period_end end,
       p.recurring and p.ended_at is null and p.luck > 0.97,
       case when not p.recurring and p.luck < 0.01 then p.created_at + interval '2 days' else p.ended_at end,
       case when not p.recurring and p.luck < 0.01 then 'refunded'
            when p.ended_at is not null then (case when p.luck < 0.3 then 'payment_failed' else 'canceled' end) end,
       p.created_at, coalesce(p.ended_at, p.created_at), coalesce(p.ended_at, p.created_at)
from (select s.*, (select id from seed_tier t where t.rank = s.tier_rank) as tier_id,
             case when s.recurring and s.created_at + interval '1 month' * s.lifetime_months < now()
                  then s.created_at + interval '1 month' * s.lifetime_months end as ended_at,
             -- the end of the period paid for: the first period boundary after now (or after the end)
             s.created_at + (case s.billing_interval when 'month' then interval '1 month' else interval '1 year' end)
                 * (1 + floor(extract(epoch from (least(now(), s.created_at + interval '1 month' * s.lifetime_months) - s.created_at))
                    / extract(epoch from (case s.billing_interval when 'month' then interval '30.44 days' else interval '365.25 days' end)))) as period_end
      from seed_pledge s) p;

-- payments: one per period paid for, up to now or the end; about 2% failed, 0.5% refunded
insert into payment (pledge_id, amount_minor, currency, status, refunded_minor, failure_reason, provider, provider_ref, occurred_at,
                     provider_state_at)
select pl.id, pl.amount_minor, pl.currency,
       case when r < 0.02 then 'failed' when r < 0.025 then 'refunded' else 'succeeded' end,
       case when r >= 0.02 and r < 0.025 then pl.amount_minor else 0 end,
       case when r < 0.02 then 'Your card was declined.' end,
       pl.provider, 'seed_py_' || substr(pl.provider_ref, 9) || '_' || k, at, at
from pledge pl
cross join lateral (
    select k, pl.created_at + (case pl.billing_interval when 'year' then interval '1 year' else interval '1 month' end) * k as at,
           random() as r
    from generate_series(0, case when pl.kind = 'one_off' then 0
                                 else greatest(0, floor(extract(epoch from (coalesce(pl.ended_at, now()) - pl.created_at))
                                      / extract(epoch from (case pl.billing_interval when 'year' then interval '365.25 days' else interval '30.44 days' end)))::int) end) k
) periods
where pl.provider_ref like 'seed_pl_%' and periods.at <= now();

-- a past-due pledge's latest payment failed
update payment py set status = 'failed', failure_reason = 'Your card was declined.', refunded_minor = 0
from (select pl.id, max(py.occurred_at) as last_at
      from pledge pl join payment py on py.pledge_id = pl.id
      where pl.status = 'past_due' and pl.provider_ref like 'seed_pl_%' group by pl.id) last
where py.pledge_id = last.id and py.occurred_at = last.last_at;

drop table seed_pledge;

do $$
declare index record;
begin
    for index in select indexdef from seed_index loop
        execute index.indexdef;
    end loop;
end $$;

set session_replication_role = origin;
-- the dashboard's summary of what went in
select ledger_summary_rebuild();

vacuum analyze supporter;
vacuum analyze pledge;
vacuum analyze payment;
vacuum analyze ledger_part;
vacuum analyze ledger_day;

select (select count(*) from supporter) as supporters, (select count(*) from pledge) as pledges,
       (select count(*) from payment) as payments;
