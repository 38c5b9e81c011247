-- Conversation intelligence: a call's recording kept for playback behind Parley's access control,
-- the state of each pipeline stage (what the console shows while it runs or after it failed), and
-- what the stages produced. One row per call: the recording processed is the call's last one.

create table call_recordings (
  call_id uuid primary key references calls (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  recording_sid text not null,
  -- where the carrier keeps it (Twilio's RecordingUrl); fetched with the account's credentials
  source_url text not null,
  channels smallint not null default 1 check (channels in (1, 2)),
  duration_seconds integer,
  content_type text,
  -- null until fetched, and again once retention deletes the audio (the transcript may stay)
  audio bytea,
  size_bytes integer,
  fetched_at timestamptz,
  created_at timestamptz not null default now()
);
create index call_recordings_account on call_recordings (account_id, created_at);

create table call_ai_stages (
  call_id uuid not null references calls (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  stage text not null check (stage in ('audio', 'transcript', 'summary')),
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  -- why it failed, or why it is waiting to retry: a sentence a person can act on
  reason text,
  -- the provider that ran it (`offline:whisper-base`, `openai:gpt-4o-mini`, `extract`)
  provider text,
  attempts integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (call_id, stage)
);

create table call_transcripts (
  call_id uuid primary key references calls (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  language text,
  engine text not null,
  -- [{speaker, start, end, text}] in time order
  segments jsonb not null,
  created_at timestamptz not null default now()
);

create table call_summaries (
  call_id uuid primary key references calls (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  -- ai: written by a language model; extract: sentences picked from the transcript
  kind text not null check (kind in ('ai', 'extract')),
  engine text not null,
  language text,
  summary text not null,
  next_steps jsonb not null default '[]',
  suggested_disposition text,
  created_at timestamptz not null default now()
);
