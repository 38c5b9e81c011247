-- A counter that moves whenever anything routing reads changes (hours, policies, members, the
-- account's time zone), so instances can cache an account's routing inputs under
-- (account, version) and never serve a stale one.
alter table accounts add column config_version integer not null default 0;

create function bump_account_config_version() returns trigger language plpgsql as $$
begin
  update accounts set config_version = config_version + 1
    where id = case when tg_op = 'DELETE' then old.account_id else new.account_id end;
  return null;
end
$$;

create trigger business_hours_config after insert or update or delete on business_hours
  for each row execute function bump_account_config_version();
create trigger routing_policies_config after insert or update or delete on routing_policies
  for each row execute function bump_account_config_version();
create trigger members_config after insert or update of role or delete on members
  for each row execute function bump_account_config_version();

create function bump_own_config_version() returns trigger language plpgsql as $$
begin
  new.config_version := old.config_version + 1;
  return new;
end
$$;

create trigger accounts_time_zone_config before update of time_zone on accounts
  for each row when (old.time_zone is distinct from new.time_zone) execute function bump_own_config_version();
