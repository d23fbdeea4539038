-- The One-Time Notification store of messenger-otn: io.github.camelmessenger.otn.store.JdbcOtnStore.
-- This file: PostgreSQL.
--
-- ${prefix} is the store's tablePrefix (messenger-otn option tablePrefix): empty unless configured, e.g. shop_.
-- The store creates what is missing at start; to create the tables yourself, fill in the prefix and run the file,
-- e.g.  sed 's/${prefix}//g' otn.sql | psql  (no prefix)  or  sed 's/${prefix}/shop_/g' otn.sql | psql
--
-- Keys use the "C" collation: key order equals Java's String order (the contact listings page in that order).
-- Claims lock their rows with FOR UPDATE SKIP LOCKED, so there is no claim lock table.

-- a user of a Page: created by an opt-in, an attribute or an inbound message. Its last inbound time is kept with
-- the conversation state (table messenger_last_inbound, see conversation-state.sql in camel-messenger).
CREATE TABLE ${prefix}otn_contact (
    page_id      VARCHAR(64) COLLATE "C" NOT NULL,
    psid         VARCHAR(64) COLLATE "C" NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (page_id, psid)
);

CREATE TABLE ${prefix}otn_attribute (
    page_id    VARCHAR(64) COLLATE "C"  NOT NULL,
    psid       VARCHAR(64) COLLATE "C"  NOT NULL,
    attr_name  VARCHAR(100) COLLATE "C" NOT NULL,
    attr_value VARCHAR(2000)            NOT NULL,
    PRIMARY KEY (page_id, psid, attr_name)
);

-- status: VALID, CLAIMED, CONSUMED or RETIRED.
-- Half of each page stays free (fillfactor 50): a batch updates every row of a page in one transaction, and each new
-- row version still fits in the same page (a HOT update). No index holds a column that a claim or its outcome
-- changes (status, owner, lease, reason, time), so those updates add no index entries.
CREATE TABLE ${prefix}otn_token (
    token         VARCHAR(1024) COLLATE "C" NOT NULL PRIMARY KEY,
    page_id       VARCHAR(64) COLLATE "C"   NOT NULL,
    psid          VARCHAR(64) COLLATE "C"   NOT NULL,
    topic         VARCHAR(255) COLLATE "C"  NOT NULL,
    payload       VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    status        VARCHAR(16)               NOT NULL,
    claim_owner   VARCHAR(255),
    lease_until   TIMESTAMP WITH TIME ZONE,
    status_reason VARCHAR(500),
    updated_at    TIMESTAMP WITH TIME ZONE  NOT NULL
) WITH (fillfactor = 50);

-- the one-token-per-holder rule and the contact listings
CREATE INDEX ${prefix}otn_token_holder ON ${prefix}otn_token (page_id, psid, topic);

-- claims: a topic's tokens in claim order, read without sorting; also the housekeeping scan
CREATE INDEX ${prefix}otn_token_claim_order ON ${prefix}otn_token (topic, created_at, token);
