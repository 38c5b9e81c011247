-- Live listening: calls of an account that allows it are bridged through a conference so an admin
-- can listen, whisper to the rep, or barge in. Members are told they are being listened to when
-- the account says so.
alter table accounts add column live_listening boolean not null default false;
alter table accounts add column tell_members_when_supervised boolean not null default true;

create table call_supervisions (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id) on delete cascade,
  call_id uuid not null references calls (id) on delete cascade,
  supervisor_member_id uuid not null references members (id) on delete cascade,
  mode text not null check (mode in ('listen', 'whisper', 'barge')),
  -- the carrier's sid of the supervisor's own leg, once the carrier placed it
  leg_sid text,
  started_at timestamptz not null,
  ended_at timestamptz
);
-- One open supervision per supervisor and call.
create unique index call_supervisions_open on call_supervisions (call_id, supervisor_member_id)
  where ended_at is null;
