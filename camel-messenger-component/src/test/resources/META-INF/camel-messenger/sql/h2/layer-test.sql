-- H2 has a file of its own: the layer must pick it over the generic one.
CREATE TABLE ${table} (
    id   BIGINT                 NOT NULL PRIMARY KEY,
    name CHARACTER VARYING(40)  NOT NULL
);
CREATE INDEX ${table}_name ON ${table} (name);
CREATE UNIQUE INDEX ${table}_id_name ON ${table} (id, name);
