-- Coaching: replies thread under a comment, and members are told about comments on their calls.
alter table call_comments add column parent_id uuid references call_comments (id) on delete cascade;
create index call_comments_parent on call_comments (parent_id) where parent_id is not null;

-- One row per member to tell about a comment: the rep of the call, and the author of the comment
-- a reply answers. read_at set when they open it; unread rows are the dialer's badge.
create table coaching_notices (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  comment_id uuid not null references call_comments (id) on delete cascade,
  call_id uuid not null references calls (id) on delete cascade,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (member_id, comment_id)
);
create index coaching_notices_unread on coaching_notices (member_id, created_at desc) where read_at is null;
