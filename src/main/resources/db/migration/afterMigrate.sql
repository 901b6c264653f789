-- Flyway runs this after every migrate (a Flyway SQL callback, not a versioned migration).
--
-- Production can run with two database roles (docs/database-roles.md, deploy/kubernetes/):
--   ruangaman_migrator  owns the database and every table; only migrations log in as it;
--   ruangaman_runtime   a group role, NOLOGIN; the service's login role (ruangaman_app) is a member.
-- The runtime role reads and writes the tables, but it owns none of them, so it can neither drop the
-- append-only trigger on audit_event nor alter any table. It may only add audit rows, and only read
-- Flyway's history (which it needs to validate the schema at start-up).
-- Where no role named ruangaman_runtime exists (dev, tests, a single-role install) this does nothing.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ruangaman_runtime') THEN
        GRANT USAGE ON SCHEMA public TO ruangaman_runtime;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ruangaman_runtime;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ruangaman_runtime;
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ruangaman_runtime;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_actor_before_v206 FROM ruangaman_runtime;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ruangaman_runtime;
    END IF;
END
$$;
