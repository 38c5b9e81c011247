-- A number whose calls are never recorded (e.g. a line for calls that legally must not be).
alter table phone_numbers add column do_not_record boolean not null default false;

-- Per-account retention: audio older than N days is deleted at the carrier and in Parley;
-- null keeps it. The transcript (and summary) stays unless keep_transcript is false.
alter table accounts add column recording_retention_days integer
  check (recording_retention_days is null or recording_retention_days between 1 and 3650);
alter table accounts add column retention_keep_transcript boolean not null default true;

-- A call whose recording retention deleted: when, and whether its transcript went too.
create table recording_deletions (
  call_id uuid primary key references calls (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  recording_sid text not null,
  transcript_deleted boolean not null,
  deleted_at timestamptz not null
);
