-- When a CRM last sent a webhook that verified: `parley doctor` reads it to tell an admin whether
-- the CRM's webhook subscription reaches this server.
alter table crm_connections add column last_webhook_at timestamptz;
