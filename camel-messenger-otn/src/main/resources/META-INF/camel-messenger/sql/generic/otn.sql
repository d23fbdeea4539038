-- The One-Time Notification store of messenger-otn: io.github.camelmessenger.otn.store.JdbcOtnStore.
-- This file: H2 and every database without a file of its own (PostgreSQL has one).
--
-- ${prefix} is the store's tablePrefix (messenger-otn option tablePrefix): empty unless configured, e.g. shop_.
-- The store creates what is missing at start; to create the tables yourself, fill in the prefix and run the file,
-- e.g.  sed 's/${prefix}//g' otn.sql  (no prefix)  or  sed 's/${prefix}/shop_/g' otn.sql

-- a user of a Page: created by an opt-in, an attribute or an inbound message. Its last inbound time is kept with
-- the conversation state (table messenger_last_inbound, see conversation-state.sql in camel-messenger).
CREATE TABLE ${prefix}otn_contact (
    page_id      VARCHAR(64)              NOT NULL,
    psid         VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (page_id, psid)
);

CREATE TABLE ${prefix}otn_attribute (
    page_id    VARCHAR(64)   NOT NULL,
    psid       VARCHAR(64)   NOT NULL,
    attr_name  VARCHAR(100)  NOT NULL,
    attr_value VARCHAR(2000) NOT NULL,
    PRIMARY KEY (page_id, psid, attr_name)
);

-- status: VALID, CLAIMED, CONSUMED or RETIRED
CREATE TABLE ${prefix}otn_token (
    token         VARCHAR(1024)            NOT NULL PRIMARY KEY,
    page_id       VARCHAR(64)              NOT NULL,
    psid          VARCHAR(64)              NOT NULL,
    topic         VARCHAR(255)             NOT NULL,
    payload       VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    claim_owner   VARCHAR(255),
    lease_until   TIMESTAMP WITH TIME ZONE,
    status_reason VARCHAR(500),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the one-token-per-holder rule and the contact listings
CREATE INDEX ${prefix}otn_token_holder ON ${prefix}otn_token (page_id, psid, topic);

-- Status leads both topic indexes: a claim or a housekeeping update reads only the tokens of one status.
-- The one-per-holder subquery filters statuses with OR, so only the holder index matches it.
CREATE INDEX ${prefix}otn_token_queue ON ${prefix}otn_token (status, topic, created_at, token);
CREATE INDEX ${prefix}otn_token_expiry ON ${prefix}otn_token (status, topic, expires_at);

-- one row per topic, locked to serialize the topic's claims
CREATE TABLE ${prefix}otn_claim_lock (
    topic VARCHAR(255) NOT NULL PRIMARY KEY
);
