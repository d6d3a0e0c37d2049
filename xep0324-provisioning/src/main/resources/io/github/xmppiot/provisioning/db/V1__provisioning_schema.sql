-- The provisioning server's schema as it was before versioned migrations (XEP-0324 owners, friendships, rules,
-- tokens). IF NOT EXISTS everywhere: a database created by an older release is adopted as it is, with its rows.
-- Standard SQL that both H2 2.x and PostgreSQL run (BYTEA is an H2 alias of VARBINARY).
CREATE TABLE IF NOT EXISTS things (thing VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL);
ALTER TABLE things ADD COLUMN IF NOT EXISTS secondary_trust BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE IF NOT EXISTS clear_pending (thing VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS friendships (thing VARCHAR, friend VARCHAR, allow BOOLEAN NOT NULL,
    PRIMARY KEY (thing, friend));
CREATE TABLE IF NOT EXISTS asked (thing VARCHAR, jid VARCHAR, PRIMARY KEY (thing, jid));
CREATE TABLE IF NOT EXISTS access_rules (service VARCHAR, rule VARCHAR, PRIMARY KEY (service, rule));
CREATE TABLE IF NOT EXISTS rules (thing VARCHAR, kind VARCHAR, principal VARCHAR, nodes VARCHAR NOT NULL,
    names VARCHAR NOT NULL, PRIMARY KEY (thing, kind, principal));
CREATE TABLE IF NOT EXISTS tokens (token VARCHAR PRIMARY KEY, holder VARCHAR NOT NULL, cert BYTEA NOT NULL);
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS expires BIGINT DEFAULT 9223372036854775807 NOT NULL;
CREATE TABLE IF NOT EXISTS user_tokens (user_token VARCHAR PRIMARY KEY, service VARCHAR NOT NULL,
    user_name VARCHAR);
ALTER TABLE user_tokens ADD COLUMN IF NOT EXISTS expires BIGINT DEFAULT 9223372036854775807 NOT NULL;
CREATE TABLE IF NOT EXISTS claim_keys (thing VARCHAR PRIMARY KEY, key_hash BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS privileges (service VARCHAR, user_name VARCHAR, seq INT, include BOOLEAN NOT NULL,
    id VARCHAR NOT NULL, PRIMARY KEY (service, user_name, seq));
