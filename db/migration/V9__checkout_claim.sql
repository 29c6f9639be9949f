-- The instance asking the provider for a checkout's session says so first, so that a second
-- submit of the same form waits for that session instead of asking again, and no database
-- transaction stays open while the provider answers.
alter table checkout add column session_requested_at timestamptz;
