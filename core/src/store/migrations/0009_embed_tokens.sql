-- Short-lived bearer tokens for the dialer framed in a CRM, where Parley's session cookie is
-- blocked or partitioned. Kept apart from api_tokens: those never expire and are listed to
-- their owner; these expire in minutes and are minted again by the sign-in popup.
create table embed_tokens (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index embed_tokens_member on embed_tokens (member_id);
