-- Hardening (issue 11).

-- One email rule for Java and the schema (EmailAddresses): "\s" meant whatever the
-- database's locale calls a space, so Java and PostgreSQL could disagree (U+2003). The
-- white space is now spelled out: Unicode's White_Space characters.
alter domain email_address drop constraint email_address_check;
alter domain email_address add constraint email_address_check check (length(value) <= 254 and value ~
    '^[^@\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+@[^@\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+\.[^@\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$');

-- Reconciliation runs under a PostgreSQL advisory lock held by its connection, which dies
-- with the instance holding it; the lease table is no longer used.
drop table stripe_job_lock;
