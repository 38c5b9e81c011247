-- Calls: one row per call (the parent leg), the carrier events it was folded from, and the
-- outbox the CRM sync consumes. The record is recomputed from the whole event set, so
-- callbacks arriving late, twice or out of order always give the same row.

create table calls (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  carrier_call_sid text not null unique,
  number_id uuid references phone_numbers (id) on delete set null,
  direction text not null check (direction in ('inbound', 'outbound')),
  from_number text not null,
  to_number text not null,
  -- outbound: the rep who placed it; inbound: who answered (set from the record)
  member_id uuid references members (id) on delete set null,
  contact_id uuid references contacts (id) on delete set null,
  plan jsonb,
  record jsonb not null default '{}',
  result text,
  final boolean not null default false,
  notes text,
  disposition text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index calls_account_created on calls (account_id, created_at desc);
create index calls_account_member on calls (account_id, member_id, created_at desc);

create table call_events (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  call_id uuid not null references calls (id) on delete cascade,
  dedupe_key text not null,
  event jsonb not null,
  received_at timestamptz not null default now(),
  unique (call_id, dedupe_key)
);
create index call_events_call on call_events (call_id);

create table outbox (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  topic text not null,
  subject_id uuid not null,
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
  attempts integer not null default 0,
  available_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz
);
create index outbox_pending on outbox (available_at) where status = 'pending';
create index outbox_subject on outbox (account_id, subject_id);
