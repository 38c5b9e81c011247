-- The rep's own phone (mobile or desk), rung first by call-me-first click-to-call.
alter table members add column phone text;
