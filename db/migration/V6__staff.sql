-- Staff login and supporter reports.

-- Failed sign-ins are counted in the database, so every instance sees the same lockout.
alter table staff_user
    add column failed_attempts integer not null default 0 check (failed_attempts >= 0),
    add column locked_until    timestamptz,
    add column last_sign_in_at timestamptz;

-- Reports. Each index serves one query of the report module (see README, "Staff reports"):
-- the supporter list pages by (created_at, id) and (lower(email), id) with keyset pagination,
-- and searches by prefix of email or name. The "C" collation makes one index serve both the
-- order and a prefix search (LIKE 'abc%'), whatever the database's collation.
create index supporter_created_idx on supporter (created_at, id);
create index supporter_email_sort_idx on supporter ((lower(email) collate "C"), id);
create index supporter_name_prefix_idx on supporter ((lower(name) collate "C")) where name is not null;
-- dashboard: the pledges that count now (small next to all pledges), with what MRR needs
create index pledge_current_idx on pledge (status, currency, billing_interval, tier_id)
    include (supporter_id, amount_minor)
    where kind = 'recurring' and status in ('active', 'past_due');
-- dashboard: new and churned per month
create index pledge_recurring_created_idx on pledge (created_at) include (supporter_id) where kind = 'recurring';
create index pledge_recurring_ended_idx on pledge (ended_at) include (supporter_id) where kind = 'recurring' and ended_at is not null;
-- dashboard: one-off revenue per month probes payments by pledge; carrying the columns it sums
-- makes each probe index-only. It replaces V1's plain index on the same leading column.
drop index payment_pledge_idx;
create index payment_pledge_covering_idx on payment (pledge_id) include (occurred_at, currency, amount_minor, refunded_minor, status);
-- dashboard: failing and recovered payments; payments export by time
create index payment_failed_idx on payment (occurred_at) include (pledge_id) where status = 'failed';
create index pledge_one_off_created_idx on pledge (created_at) include (id) where kind = 'one_off';
create index payment_occurred_idx on payment (occurred_at, id);
