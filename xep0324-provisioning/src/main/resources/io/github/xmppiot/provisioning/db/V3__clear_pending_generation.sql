-- Several provisioning servers on one database: each change of a Thing's rules makes a newer clearCache mark
-- (XEP-0324 §3.5.1), so that the acknowledgement of a clearCache sent before the change does not remove it.
ALTER TABLE clear_pending ADD COLUMN IF NOT EXISTS generation BIGINT DEFAULT 0 NOT NULL;
