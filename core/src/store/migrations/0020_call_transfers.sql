-- A rep handing a live call to a teammate or an outside number: who asked, to whom, and how the
-- carrier carried it out (Twilio redirected the customer's leg; the simulator only records it).
create table call_transfers (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  call_id uuid not null references calls (id) on delete cascade,
  requested_by uuid references members (id) on delete set null,
  target_member_id uuid references members (id) on delete set null,
  target_number text,
  carrier text not null check (carrier in ('twilio', 'simulator')),
  created_at timestamptz not null default now(),
  check ((target_member_id is null) <> (target_number is null))
);
create index call_transfers_call on call_transfers (call_id, created_at);
