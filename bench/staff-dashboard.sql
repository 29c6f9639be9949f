-- The staff dashboard's statements as hand-written SQL: the baseline bench/staff-reports
-- measures the dashboard page against. Same statements as report.DashboardRepository: the
-- figures of now and of the last twelve months add up the ledger's summary (ledger_day, and
-- today's ledger_part rows that stop counting later today), and so do "recovered" and this
-- month's failed renewals and recoveries; the month's losses and cancels are counted.
select coalesce(sum(c.current_supporters), 0) from (
  select current_supporters from ledger_day where day > (now() at time zone 'UTC')::date
  union all select current_supporters from ledger_part
  where current_until > now() and current_until < ((now() at time zone 'UTC')::date + 1) at time zone 'UTC') c;
select t.name, sum(c.current_tier_supporters) from (
  select tier_id, current_tier_supporters from ledger_day where day > (now() at time zone 'UTC')::date
  union all select tier_id, current_tier_supporters from ledger_part
  where current_until > now() and current_until < ((now() at time zone 'UTC')::date + 1) at time zone 'UTC') c
left join tier t on t.id = c.tier_id group by c.tier_id, t.name, t.position having sum(c.current_tier_supporters) > 0
order by t.position nulls last, c.tier_id;
select c.currency, sum(c.current_annual_minor), sum(c.current_pledges) from (
  select currency, current_annual_minor, current_pledges from ledger_day where day > (now() at time zone 'UTC')::date
  union all select currency, current_annual_minor, current_pledges from ledger_part
  where current_until > now() and current_until < ((now() at time zone 'UTC')::date + 1) at time zone 'UTC') c
group by c.currency having sum(c.current_pledges) > 0 order by c.currency;
select date_trunc('month', day::timestamp), sum(started) from ledger_day
where day >= date_trunc('month', now() at time zone 'UTC' - interval '11 months')::date and started <> 0 group by 1 having sum(started) > 0;
select date_trunc('month', day::timestamp), sum(ended) from ledger_day
where day >= date_trunc('month', now() at time zone 'UTC' - interval '11 months')::date and ended <> 0 group by 1 having sum(ended) > 0;
select date_trunc('month', day::timestamp), currency, sum(one_off_minor) from ledger_day
where day >= date_trunc('month', now() at time zone 'UTC' - interval '11 months')::date and one_off_payments <> 0
group by 1, 2 having sum(one_off_payments) > 0 order by 1, 2;
select coalesce(sum(past_due), 0) from ledger_day where past_due <> 0;
select coalesce(sum(c.active_after_failure), 0) from (
  select active_after_failure from ledger_day where day > ((now() - interval '30 days') at time zone 'UTC')::date and active_after_failure <> 0
  union all select active_after_failure from ledger_part
  where last_failed_at >= now() - interval '30 days'
    and last_failed_at < (((now() - interval '30 days') at time zone 'UTC')::date + 1) at time zone 'UTC') c;
-- this month's churn and recovery
select coalesce(sum(failed), 0) from ledger_day
where day >= date_trunc('month', now() at time zone 'UTC')::date and failed <> 0;
select currency, sum(recovered), sum(recovered_minor) from ledger_day
where day >= date_trunc('month', now() at time zone 'UTC')::date and recovered <> 0
group by currency having sum(recovered) > 0 order by currency;
select count(*) from pledge where kind = 'recurring' and ended_at is not null
  and ended_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' and ended_reason = 'payment_failed';
select cancel_reason, count(*) from pledge where canceled_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
group by cancel_reason order by count(*) desc, cancel_reason nulls last;
