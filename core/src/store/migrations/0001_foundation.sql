-- Parley foundation: accounts, identity, billing, team, numbers, settings, contacts, audit.
-- Every table that belongs to a tenant carries account_id; ids are uuids so rows can move
-- between shards keyed by account_id later.

create table accounts (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  plan text not null check (plan in ('starter', 'business')),
  seats integer not null check (seats >= 1),
  seat_price_cents integer not null check (seat_price_cents >= 0),
  currency text not null default 'EUR',
  default_country text not null,
  time_zone text not null,
  locale text not null check (locale in ('fr', 'en')),
  subscription_status text not null default 'active'
    check (subscription_status in ('active', 'past_due', 'suspended')),
  payment_method jsonb,
  carrier_credentials text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table members (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  email text not null unique,
  name text not null,
  role text not null check (role in ('admin', 'member')),
  password_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index members_account on members (account_id);

create table sessions (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_member on sessions (member_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_member on api_tokens (account_id, member_id);

-- Quotes are issued by the operator before any account exists: not tenant rows.
create table quotes (
  id uuid primary key default gen_random_uuid(),
  code_hash text not null unique,
  plan text not null check (plan in ('starter', 'business')),
  seats integer not null check (seats >= 1),
  seat_price_cents integer not null check (seat_price_cents >= 0),
  currency text not null default 'EUR',
  note text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by_account_id uuid references accounts (id) on delete set null
);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  email text not null,
  role text not null check (role in ('admin', 'member')),
  token_hash text not null unique,
  invited_by uuid references members (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_member_id uuid references members (id) on delete set null,
  revoked_at timestamptz,
  delivery_status text not null default 'queued' check (delivery_status in ('queued', 'sent', 'failed')),
  delivery_error text,
  delivery_attempts integer not null default 0,
  last_sent_at timestamptz
);
create index invitations_account on invitations (account_id, created_at desc);
-- One live invitation per address and account: resend renews it instead of adding another.
create unique index invitations_pending_email on invitations (account_id, email)
  where accepted_at is null and revoked_at is null;

create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  invitation_id uuid references invitations (id) on delete cascade,
  to_email text not null,
  subject text not null,
  body_text text not null,
  status text not null check (status in ('queued', 'sent', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_account on email_outbox (account_id, created_at desc);

create table seat_changes (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  delta integer not null check (delta <> 0),
  seats_before integer not null,
  seats_after integer not null check (seats_after >= 1),
  seat_price_cents integer not null,
  monthly_total_before_cents integer not null,
  monthly_total_after_cents integer not null,
  status text not null default 'pending' check (status in ('pending', 'applied')),
  created_by uuid references members (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  applied_at timestamptz
);
create index seat_changes_account on seat_changes (account_id, created_at desc);

create table billing_ledger (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  kind text not null,
  amount_cents integer not null default 0,
  description text not null,
  created_at timestamptz not null default now()
);
create index billing_ledger_account on billing_ledger (account_id, created_at desc);

create table phone_numbers (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  e164 text not null unique,
  carrier text not null check (carrier in ('twilio', 'simulator')),
  carrier_sid text not null,
  country text not null,
  label text,
  assigned_member_id uuid references members (id) on delete set null,
  is_team_line boolean not null default false,
  created_at timestamptz not null default now(),
  check (not (is_team_line and assigned_member_id is not null))
);
create index phone_numbers_account on phone_numbers (account_id);

create table business_hours (
  account_id uuid primary key references accounts (id) on delete cascade,
  schedule jsonb not null,
  updated_at timestamptz not null default now()
);

create table routing_policies (
  number_id uuid primary key references phone_numbers (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  policy jsonb not null,
  updated_at timestamptz not null default now()
);
create index routing_policies_account on routing_policies (account_id);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  name text not null,
  company text,
  emails text[] not null default '{}',
  phones text[] not null default '{}',
  owner_member_id uuid references members (id) on delete set null,
  source text not null default 'manual',
  external_ids jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contacts_account_name on contacts (account_id, lower(name));
create index contacts_phones on contacts using gin (phones);
create index contacts_emails on contacts using gin (emails);

create table contact_imports (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  format text not null check (format in ('csv', 'vcard')),
  file_name text,
  status text not null check (status in ('running', 'done', 'failed')),
  total integer not null default 0,
  processed integer not null default 0,
  created integer not null default 0,
  updated integer not null default 0,
  failed integer not null default 0,
  errors jsonb not null default '[]',
  warnings jsonb not null default '[]',
  created_by uuid references members (id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index contact_imports_account on contact_imports (account_id, created_at desc);

create table audit_log (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  actor_member_id uuid references members (id) on delete set null,
  actor_label text not null,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_account on audit_log (account_id, at desc);
