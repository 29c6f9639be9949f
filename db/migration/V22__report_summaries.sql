-- The ledger's summary for the staff dashboard: figures per day, tier, currency and
-- interval that the dashboard adds up instead of counting pledges, so that it takes the
-- same time for a thousand supporters as for a million (README, "Staff reports").
--
-- ledger_part holds what each supporter's pledges and payments add to the summary, one row
-- per fact; ledger_day is the sum of the parts per key. Triggers on pledge and payment
-- replace a supporter's parts in the transaction of every change, whoever writes it (the
-- ledger, an import, a test), and add the difference to ledger_day.
-- ledger_summary_rebuild() recomputes both from pledges and payments
-- (java -jar supporters.jar --rebuild-report-summaries).
--
-- A recurring pledge stops counting with time alone (a period paid through, grace over)
-- with no event: its part says until when it counts, dated by that day, so that the
-- supporters counting now are the rows dated after today plus today's parts that end
-- after now.

-- How long a past-due pledge still counts: membership's rule (SUPPORTERS_GRACE_DAYS and a
-- day for a retry's outcome); the service sets it at start and rebuilds when it changed.
create table ledger_summary_rule (
    id                   boolean primary key default true check (id),
    grace_seconds        bigint not null check (grace_seconds >= 0),
    retry_margin_seconds bigint not null check (retry_margin_seconds >= 0)
);
insert into ledger_summary_rule (grace_seconds, retry_margin_seconds) values (7 * 86400, 86400);

-- Each measure is dated by its own fact:
--   started                  supporters whose first recurring pledge of the month (UTC) started that day
--   ended                    supporters whose first recurring pledge to end in the month ended that day
--   one_off_payments/_minor  one-off payments that day and the money kept (paid less refunded)
--   past_due                 recurring pledges past due now, dated by the day they were made
--   current_*                recurring pledges that count as current until a moment of that day:
--                            the pledges, their annual amount, the supporters whose last counting
--                            pledge it is, and per tier the same
--   failed                   pledges whose first failed payment of the month (UTC) failed that day
--   recovered, _minor        payments that took money right after a failed one of the same pledge
--                            (failed at most 62 days before the payment's month): the pledge's
--                            first of the month and currency, and every such payment's amount
--   active_after_failure     active pledges whose last failed payment failed that day
create table ledger_day (
    day                     date not null,
    tier_id                 bigint,
    currency                currency_code not null,
    billing_interval        text check (billing_interval in ('month', 'year')),
    started                 integer not null default 0,
    ended                   integer not null default 0,
    one_off_payments        integer not null default 0,
    one_off_minor           bigint not null default 0,
    past_due                integer not null default 0,
    current_pledges         integer not null default 0,
    current_annual_minor    bigint not null default 0,
    current_supporters      integer not null default 0,
    current_tier_supporters integer not null default 0,
    failed                  integer not null default 0,
    recovered               integer not null default 0,
    recovered_minor         bigint not null default 0,
    active_after_failure    integer not null default 0
);
create unique index ledger_day_key on ledger_day (day, coalesce(tier_id, 0), currency, coalesce(billing_interval, ''));

create table ledger_part (
    supporter_id            uuid not null,
    day                     date not null,
    tier_id                 bigint,
    currency                currency_code not null,
    billing_interval        text,
    started                 integer not null,
    ended                   integer not null,
    one_off_payments        integer not null,
    one_off_minor           bigint not null,
    past_due                integer not null,
    current_pledges         integer not null,
    current_annual_minor    bigint not null,
    current_supporters      integer not null,
    current_tier_supporters integer not null,
    failed                  integer not null,
    recovered               integer not null,
    recovered_minor         bigint not null,
    active_after_failure    integer not null,
    -- for a current pledge: until when exactly it counts
    current_until           timestamptz,
    -- for an active pledge that failed before: when it last failed
    last_failed_at          timestamptz
);
create index ledger_part_supporter_idx on ledger_part (supporter_id);
-- today's pledges that stop counting later today
create index ledger_part_until_idx on ledger_part (current_until)
    include (tier_id, currency, current_pledges, current_annual_minor, current_supporters, current_tier_supporters)
    where current_until is not null;
-- the active pledges that failed on the day 30 days ago, after that moment
create index ledger_part_failed_idx on ledger_part (last_failed_at) include (active_after_failure)
    where last_failed_at is not null;

-- The parts as they follow from pledges and payments now. A filter on supporter_id reaches
-- every scan (each window is partitioned by it). The current rule is CurrentSupporters.sql's.
create view ledger_part_now as
select c.supporter_id, (c.until at time zone 'UTC')::date as day, c.tier_id, c.currency, c.billing_interval,
       0 as started, 0 as ended, 0 as one_off_payments, 0::bigint as one_off_minor, 0 as past_due,
       1 as current_pledges,
       case c.billing_interval when 'month' then c.amount_minor * 12 else c.amount_minor end as current_annual_minor,
       (row_number() over (partition by c.supporter_id order by c.until desc, c.id) = 1)::int as current_supporters,
       (row_number() over (partition by c.supporter_id, c.tier_id order by c.until desc, c.id) = 1)::int as current_tier_supporters,
       0 as failed, 0 as recovered, 0::bigint as recovered_minor, 0 as active_after_failure,
       c.until as current_until, null::timestamptz as last_failed_at
from (select p.supporter_id, p.id, p.tier_id, p.currency, p.billing_interval, p.amount_minor::bigint as amount_minor,
             case p.status when 'past_due' then greatest(p.current_period_end + make_interval(secs => r.grace_seconds),
                                                        p.next_retry_at + make_interval(secs => r.retry_margin_seconds))
                  else p.current_period_end end as until
      from pledge p cross join ledger_summary_rule r
      where p.kind = 'recurring' and p.status in ('active', 'past_due')) c
where c.until is not null
union all
select s.supporter_id, (s.created_at at time zone 'UTC')::date, s.tier_id, s.currency, s.billing_interval,
       1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null
from (select p.supporter_id, p.created_at, p.tier_id, p.currency, p.billing_interval,
             row_number() over (partition by p.supporter_id, date_trunc('month', p.created_at at time zone 'UTC')
                                order by p.created_at, p.id) as nth
      from pledge p where p.kind = 'recurring') s
where s.nth = 1
union all
select e.supporter_id, (e.ended_at at time zone 'UTC')::date, e.tier_id, e.currency, e.billing_interval,
       0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null
from (select p.supporter_id, p.ended_at, p.tier_id, p.currency, p.billing_interval,
             row_number() over (partition by p.supporter_id, date_trunc('month', p.ended_at at time zone 'UTC')
                                order by p.ended_at, p.id) as nth
      from pledge p where p.kind = 'recurring' and p.ended_at is not null) e
where e.nth = 1
union all
select p.supporter_id, (p.created_at at time zone 'UTC')::date, p.tier_id, p.currency, p.billing_interval,
       0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, null, null
from pledge p where p.kind = 'recurring' and p.status = 'past_due'
union all
select pl.supporter_id, (py.occurred_at at time zone 'UTC')::date, pl.tier_id, py.currency, null,
       0, 0, 1, py.amount_minor - py.refunded_minor, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null
from pledge pl join payment py on py.pledge_id = pl.id
where pl.kind = 'one_off' and py.status in ('succeeded', 'partially_refunded', 'refunded', 'disputed')
union all
select f.supporter_id, (f.occurred_at at time zone 'UTC')::date, f.tier_id, f.currency, f.billing_interval,
       0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, null, null
from (select pl.supporter_id, pl.tier_id, pl.currency, pl.billing_interval, py.occurred_at,
             row_number() over (partition by pl.supporter_id, pl.id, date_trunc('month', py.occurred_at at time zone 'UTC')
                                order by py.occurred_at, py.id) as nth
      from pledge pl join payment py on py.pledge_id = pl.id
      where py.status = 'failed') f
where f.nth = 1
union all
select r.supporter_id, (r.occurred_at at time zone 'UTC')::date, r.tier_id, r.currency, r.billing_interval,
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (r.nth = 1)::int, r.amount_minor, 0, null, null
from (select x.*,
             row_number() over (partition by x.supporter_id, x.id, x.currency, date_trunc('month', x.occurred_at at time zone 'UTC')
                                order by x.occurred_at, x.payment_id) as nth
      from (select pl.supporter_id, pl.id, pl.tier_id, pl.billing_interval, py.id as payment_id, py.currency,
                   py.amount_minor::bigint as amount_minor, py.status, py.occurred_at,
                   lag(py.status) over w as before_status, lag(py.occurred_at) over w as before_at
            from pledge pl join payment py on py.pledge_id = pl.id
            -- only pledges that ever failed: the others recover nothing
            where exists (select 1 from payment f where f.pledge_id = pl.id and f.status = 'failed')
            window w as (partition by pl.supporter_id, pl.id order by py.occurred_at, py.id)) x
      where x.before_status = 'failed' and x.status <> 'failed' and x.before_at < x.occurred_at
        and x.before_at >= (date_trunc('month', x.occurred_at at time zone 'UTC') - interval '62 days') at time zone 'UTC') r
union all
select pl.supporter_id, (l.at at time zone 'UTC')::date, pl.tier_id, pl.currency, pl.billing_interval,
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, null, l.at
from pledge pl
cross join lateral (select max(py.occurred_at) as at from payment py where py.pledge_id = pl.id and py.status = 'failed') l
where pl.status = 'active' and l.at is not null;

-- Adds parts (sign 1) or takes them away (sign -1) in ledger_day, in key order so that two
-- transactions never wait for each other's rows crosswise.
create function ledger_day_add(parts ledger_part[], sign integer) returns void language sql as $$
    insert into ledger_day as d (day, tier_id, currency, billing_interval, started, ended, one_off_payments, one_off_minor,
                                 past_due, current_pledges, current_annual_minor, current_supporters, current_tier_supporters,
                                 failed, recovered, recovered_minor, active_after_failure)
    select day, tier_id, currency, billing_interval, sign * sum(started), sign * sum(ended), sign * sum(one_off_payments),
           sign * sum(one_off_minor), sign * sum(past_due), sign * sum(current_pledges), sign * sum(current_annual_minor),
           sign * sum(current_supporters), sign * sum(current_tier_supporters), sign * sum(failed), sign * sum(recovered),
           sign * sum(recovered_minor), sign * sum(active_after_failure)
    from unnest(parts)
    group by day, tier_id, currency, billing_interval
    order by day, coalesce(tier_id, 0), currency, coalesce(billing_interval, '')
    on conflict (day, coalesce(tier_id, 0), currency, coalesce(billing_interval, '')) do update set
        started = d.started + excluded.started,
        ended = d.ended + excluded.ended,
        one_off_payments = d.one_off_payments + excluded.one_off_payments,
        one_off_minor = d.one_off_minor + excluded.one_off_minor,
        past_due = d.past_due + excluded.past_due,
        current_pledges = d.current_pledges + excluded.current_pledges,
        current_annual_minor = d.current_annual_minor + excluded.current_annual_minor,
        current_supporters = d.current_supporters + excluded.current_supporters,
        current_tier_supporters = d.current_tier_supporters + excluded.current_tier_supporters,
        failed = d.failed + excluded.failed,
        recovered = d.recovered + excluded.recovered,
        recovered_minor = d.recovered_minor + excluded.recovered_minor,
        active_after_failure = d.active_after_failure + excluded.active_after_failure
$$;

-- Replaces the parts of these supporters by what follows from their pledges now. One
-- supporter's parts are replaced by one transaction at a time (the parts depend on all of
-- their pledges), and never while the summary is rebuilt.
create function ledger_summary_refresh(ids uuid[]) returns void language plpgsql as $$
declare
    old_parts ledger_part[];
    new_parts ledger_part[];
begin
    if cardinality(ids) = 0 then
        return;
    end if;
    lock table ledger_part in row exclusive mode;
    perform pg_advisory_xact_lock(hashtextextended('ledger_part ' || id::text, 0))
    from (select distinct unnest(ids) as id order by 1) s;
    select array_agg(p) into old_parts from ledger_part p where p.supporter_id = any(ids);
    delete from ledger_part where supporter_id = any(ids);
    insert into ledger_part select * from ledger_part_now n where n.supporter_id = any(ids);
    select array_agg(p) into new_parts from ledger_part p where p.supporter_id = any(ids);
    -- the difference only: a supporter whose parts stay the same touches no row of ledger_day
    perform ledger_day_add(array(select o from unnest(old_parts) o except all select n from unnest(new_parts) n), -1);
    perform ledger_day_add(array(select n from unnest(new_parts) n except all select o from unnest(old_parts) o), 1);
end $$;

-- Recomputes every part and ledger_day from pledges and payments.
create function ledger_summary_rebuild() returns void language plpgsql as $$
begin
    lock table ledger_part, ledger_day in exclusive mode;
    truncate ledger_part, ledger_day;
    insert into ledger_part select * from ledger_part_now;
    insert into ledger_day (day, tier_id, currency, billing_interval, started, ended, one_off_payments, one_off_minor,
                            past_due, current_pledges, current_annual_minor, current_supporters, current_tier_supporters,
                            failed, recovered, recovered_minor, active_after_failure)
    select day, tier_id, currency, billing_interval, sum(started), sum(ended), sum(one_off_payments), sum(one_off_minor),
           sum(past_due), sum(current_pledges), sum(current_annual_minor), sum(current_supporters), sum(current_tier_supporters),
           sum(failed), sum(recovered), sum(recovered_minor), sum(active_after_failure)
    from ledger_part
    group by day, tier_id, currency, billing_interval;
end $$;

create function ledger_summary_pledge_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform ledger_summary_refresh(array(select distinct supporter_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform ledger_summary_refresh(array(select distinct supporter_id from old_rows));
    else
        -- only the columns the summary reads: most updates (provider_state_at, a cancel at the
        -- period end) change none of them
        perform ledger_summary_refresh(array(
            select distinct unnest(array[n.supporter_id, o.supporter_id])
            from new_rows n join old_rows o on o.id = n.id
            where (n.supporter_id, n.kind, n.tier_id, n.amount_minor, n.currency, n.billing_interval, n.status,
                   n.current_period_end, n.next_retry_at, n.ended_at, n.created_at)
                  is distinct from
                  (o.supporter_id, o.kind, o.tier_id, o.amount_minor, o.currency, o.billing_interval, o.status,
                   o.current_period_end, o.next_retry_at, o.ended_at, o.created_at)));
    end if;
    return null;
end $$;

-- payments of one-off pledges count, and those of pledges that ever failed
create function ledger_summary_payment_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform ledger_summary_refresh(array(
            select distinct pl.supporter_id from new_rows py join pledge pl on pl.id = py.pledge_id
            where pl.kind = 'one_off' or py.status = 'failed'
               or exists (select 1 from payment f where f.pledge_id = pl.id and f.status = 'failed')));
    elsif tg_op = 'DELETE' then
        perform ledger_summary_refresh(array(
            select distinct pl.supporter_id from old_rows py join pledge pl on pl.id = py.pledge_id
            where pl.kind = 'one_off' or py.status = 'failed'
               or exists (select 1 from payment f where f.pledge_id = pl.id and f.status = 'failed')));
    else
        perform ledger_summary_refresh(array(
            select distinct pl.supporter_id
            from new_rows n join old_rows o on o.id = n.id
            join pledge pl on pl.id in (n.pledge_id, o.pledge_id)
            where (pl.kind = 'one_off' or n.status = 'failed' or o.status = 'failed'
                   or exists (select 1 from payment f where f.pledge_id = pl.id and f.status = 'failed'))
              and (n.pledge_id, n.amount_minor, n.currency, n.status, n.refunded_minor, n.occurred_at)
                  is distinct from (o.pledge_id, o.amount_minor, o.currency, o.status, o.refunded_minor, o.occurred_at)));
    end if;
    return null;
end $$;

create trigger ledger_summary_pledge_inserted after insert on pledge
    referencing new table as new_rows for each statement execute function ledger_summary_pledge_changed();
create trigger ledger_summary_pledge_updated after update on pledge
    referencing old table as old_rows new table as new_rows for each statement execute function ledger_summary_pledge_changed();
create trigger ledger_summary_pledge_deleted after delete on pledge
    referencing old table as old_rows for each statement execute function ledger_summary_pledge_changed();
create trigger ledger_summary_payment_inserted after insert on payment
    referencing new table as new_rows for each statement execute function ledger_summary_payment_changed();
create trigger ledger_summary_payment_updated after update on payment
    referencing old table as old_rows new table as new_rows for each statement execute function ledger_summary_payment_changed();
create trigger ledger_summary_payment_deleted after delete on payment
    referencing old table as old_rows for each statement execute function ledger_summary_payment_changed();

-- the summary of what is here already
select ledger_summary_rebuild();

-- The staff's supporter list keeps the tiers per instance; a change of a tier or its prices
-- tells every instance to forget them (LISTEN catalog_changed).
create function notify_catalog_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('catalog_changed', '');
    return null;
end $$;

create trigger tier_catalog_changed after insert or update or delete or truncate on tier
    for each statement execute function notify_catalog_changed();
create trigger tier_price_catalog_changed after insert or update or delete or truncate on tier_price
    for each statement execute function notify_catalog_changed();
