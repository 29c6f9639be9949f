-- Operations (issue 18).

-- Scheduled jobs take their lock here (ShedLock): one row per job, the instance holding
-- it and until when. A crashed instance's lock is free once lock_until has passed.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
