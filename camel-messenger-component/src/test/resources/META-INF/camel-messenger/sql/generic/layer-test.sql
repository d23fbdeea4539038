-- A script of the JDBC layer's own tests: ${table} is filled in by the test.
CREATE TABLE ${table} (
    id   BIGINT      NOT NULL PRIMARY KEY,
    name VARCHAR(40) NOT NULL
);
CREATE INDEX ${table}_name ON ${table} (name);
CREATE UNIQUE INDEX ${table}_id_name ON ${table} (id, name);
