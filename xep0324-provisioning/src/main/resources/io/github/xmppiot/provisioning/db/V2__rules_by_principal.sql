-- isReferenced(principal) (token revocation, XEP-0324 §3.1.3) looked rules up by principal with a full scan.
CREATE INDEX IF NOT EXISTS rules_by_principal ON rules (principal);
