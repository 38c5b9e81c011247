-- The router asks, on every inbound call, which members are on a live call; without this the
-- question scans the account's whole call history.
create index calls_live_members on calls (account_id, member_id) where not final and member_id is not null;
