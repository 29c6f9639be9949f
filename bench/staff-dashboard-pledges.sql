-- The staff dashboard's figures counted from the pledges and payments, as
-- report.DashboardRepository did before the ledger kept its summary (V22): what the summary
-- saves, shown beside it by bench/staff-reports. (The grace days are left out here.)
select count(distinct supporter_id) from pledge where kind = 'recurring' and status in ('active', 'past_due');
select t.name, count(distinct p.supporter_id) from pledge p left join tier t on t.id = p.tier_id
where p.kind = 'recurring' and p.status in ('active', 'past_due') group by t.id, t.name, t.position order by t.position nulls last, t.id;
select currency, sum(case billing_interval when 'month' then amount_minor * 12 else amount_minor end), count(*)
from pledge where kind = 'recurring' and status in ('active', 'past_due') group by currency order by currency;
select date_trunc('month', created_at at time zone 'UTC'), count(distinct supporter_id) from pledge
where kind = 'recurring' and created_at >= date_trunc('month', now() at time zone 'UTC' - interval '11 months') at time zone 'UTC' group by 1;
select date_trunc('month', ended_at at time zone 'UTC'), count(distinct supporter_id) from pledge
where kind = 'recurring' and ended_at is not null and ended_at >= date_trunc('month', now() at time zone 'UTC' - interval '11 months') at time zone 'UTC' group by 1;
select date_trunc('month', py.occurred_at at time zone 'UTC'), py.currency, sum(py.amount_minor - py.refunded_minor)
from pledge pl cross join lateral (select * from payment py where py.pledge_id = pl.id offset 0) py
where pl.kind = 'one_off' and pl.created_at >= date_trunc('month', now() at time zone 'UTC' - interval '11 months') at time zone 'UTC' - interval '1 day'
  and py.occurred_at >= date_trunc('month', now() at time zone 'UTC' - interval '11 months') at time zone 'UTC'
  and py.status in ('succeeded', 'partially_refunded', 'refunded', 'disputed') group by 1, 2 order by 1, 2;
select count(*) from pledge where kind = 'recurring' and status = 'past_due';
select count(distinct py.pledge_id) from payment py cross join lateral (select status from pledge pl where pl.id = py.pledge_id offset 0) pl
where py.status = 'failed' and py.occurred_at >= now() - interval '30 days' and pl.status = 'active';
-- this month's churn and recovery
select count(distinct py.pledge_id) from payment py
where py.status = 'failed' and py.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC';
select paid.currency, count(distinct paid.pledge_id), sum(paid.amount_minor) from payment failed
cross join lateral (select py.pledge_id, py.currency, py.amount_minor, py.status, py.occurred_at from payment py
  where py.pledge_id = failed.pledge_id and py.occurred_at > failed.occurred_at order by py.occurred_at limit 1) paid
where failed.status = 'failed' and failed.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - interval '62 days'
  and paid.status <> 'failed' and paid.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
group by paid.currency order by paid.currency;
select count(*) from pledge where kind = 'recurring' and ended_at is not null
  and ended_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' and ended_reason = 'payment_failed';
select cancel_reason, count(*) from pledge where canceled_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
group by cancel_reason order by count(*) desc, cancel_reason nulls last;
