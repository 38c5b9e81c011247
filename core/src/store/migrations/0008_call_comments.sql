-- Coaching comments on a call, pinned to a moment of its recording (supervision).
create table call_comments (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  call_id uuid not null references calls (id) on delete cascade,
  author_member_id uuid references members (id) on delete set null,
  at_seconds integer check (at_seconds >= 0),
  body text not null,
  created_at timestamptz not null default now()
);
create index call_comments_call on call_comments (call_id, created_at);
