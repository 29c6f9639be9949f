-- A reader who asked to be forgotten: their email is replaced by a pseudonym and their name
-- removed, everywhere; the pledges and payments stay, for the books.
alter table supporter add column erased_at timestamptz;
