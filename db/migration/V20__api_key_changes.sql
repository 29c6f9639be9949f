-- Every instance remembers the API keys it verified; any change to a key's row (revoked,
-- its last use noted, or an operator's own update) tells them all (LISTEN api_key_changed)
-- to look the key up again.
create function notify_api_key_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('api_key_changed', old.id::text);
    return null;
end $$;

create trigger api_key_changed
    after update or delete on api_key
    for each row execute function notify_api_key_changed();
