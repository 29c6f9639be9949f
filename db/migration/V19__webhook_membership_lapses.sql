-- When the membership last told of ends unless something renews it: a membership that
-- lapses only with time (a period, grace or comp running out, no provider event) is found
-- by this date passing, and told of once.
alter table webhook_membership add column valid_until timestamptz;
update webhook_membership
   set valid_until = (membership::jsonb ->> 'validUntil')::timestamptz
 where membership::jsonb ->> 'validUntil' is not null;
create index webhook_membership_valid_until_idx on webhook_membership (valid_until) where valid_until is not null;
