-- Conversation state of the messenger component: io.github.camelmessenger.state.JdbcConversationStateRepository
-- (waits of messenger:waitForResponse, each user's last inbound message time). The same on every database.
--
-- ${prefix} is the repository's tablePrefix: messenger_ unless configured otherwise.
-- Times are epoch milliseconds (UTC). The repository creates what is missing at start; to create the tables
-- yourself, fill in the prefix and run the file, e.g.  sed 's/${prefix}/messenger_/g' conversation-state.sql

CREATE TABLE ${prefix}waits (
    page_id    VARCHAR(64)  NOT NULL,
    psid       VARCHAR(64)  NOT NULL,
    step       VARCHAR(255) NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    -- a random number each put gives the row; the portable SQL deletes a row only with the generation it read
    generation BIGINT       NOT NULL,
    PRIMARY KEY (page_id, psid)
);

-- the expiry sweep
CREATE INDEX ${prefix}waits_expires_idx ON ${prefix}waits (expires_at);

-- a wait taken by an answer or claimed for expiry, until the route that handles it confirms (the wait row is then
-- deleted) or fails (this row is deleted); after taken_until the wait can be taken again (its node died)
CREATE TABLE ${prefix}wait_takes (
    page_id     VARCHAR(64) NOT NULL,
    psid        VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    taken_until BIGINT      NOT NULL,
    PRIMARY KEY (page_id, psid)
);

CREATE TABLE ${prefix}last_inbound (
    page_id         VARCHAR(64) NOT NULL,
    psid            VARCHAR(64) NOT NULL,
    last_inbound_at BIGINT      NOT NULL,
    PRIMARY KEY (page_id, psid)
);
