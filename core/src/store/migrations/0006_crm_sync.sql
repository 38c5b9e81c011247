-- CRM connections at the account level, the per-call sync state of each (the worker's queue), and
-- the links between shared contacts and CRM records that make two-way sync echo-free.

create table crm_connections (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  kind text not null,
  -- reconnect_needed: the CRM refused the credentials; rows wait (parked) until an admin reconnects
  status text not null default 'active' check (status in ('active', 'reconnect_needed')),
  -- the connector's configuration (tokens), sealed with the deployment's secret key
  config text not null,
  connected_as jsonb not null,
  settings jsonb not null default '{}',
  -- CRM users, read at connect time and on refresh, for the member→owner mapping
  owners jsonb not null default '[]',
  contacts_cursor text,
  contacts_synced_at timestamptz,
  -- {state: running|done|failed, imported, startedAt, finishedAt, error}
  import jsonb,
  last_logged_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (account_id, kind)
);
create index crm_connections_remote on crm_connections (kind, (connected_as ->> 'accountId'));

create table call_syncs (
  call_id uuid not null references calls (id) on delete cascade,
  connection_id uuid not null references crm_connections (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'logged', 'skipped', 'dead', 'parked')),
  -- bumped by every update of the call; the worker logs the version it claimed and stays pending
  -- if a newer one arrived meanwhile, so notes added during a sync are never lost
  wanted integer not null default 1,
  done integer not null default 0,
  crm_object_type text,
  crm_record_id text,
  crm_record_url text,
  attempts integer not null default 0,
  available_at timestamptz not null default now(),
  -- a claim, not a lock: a worker killed mid-batch leaves rows that come back when it expires
  lease_until timestamptz,
  last_error text,
  logged_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (call_id, connection_id)
);
create index call_syncs_due on call_syncs (available_at) where status = 'pending';
create index call_syncs_connection on call_syncs (connection_id, status);

create table contact_links (
  connection_id uuid not null references crm_connections (id) on delete cascade,
  crm_id text not null,
  contact_id uuid not null references contacts (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  crm_object_type text not null,
  -- what the two sides last agreed on; a change event carrying the same content is our own echo
  content_hash text not null,
  crm_updated_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (connection_id, crm_id)
);
create index contact_links_contact on contact_links (contact_id);
create index outbox_topic_pending on outbox (topic, available_at) where status = 'pending';
