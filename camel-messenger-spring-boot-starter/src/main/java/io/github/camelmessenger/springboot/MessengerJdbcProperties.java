package io.github.camelmessenger.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Opt-in JDBC stores of the messenger component on the application's DataSource. These are starter settings, not
 * component options: they create a {@code JdbcConversationStateRepository} and a {@code JdbcWebhookInbox} bean and
 * give them to the component's {@code stateRepository} and {@code inbox} options unless those are set.
 */
@ConfigurationProperties(prefix = "camel.messenger.jdbc")
public class MessengerJdbcProperties {

    private final State state = new State();
    private final Inbox inbox = new Inbox();

    public State getState() {
        return state;
    }

    public Inbox getInbox() {
        return inbox;
    }

    public static class State {

        /**
         * Whether waits (waitForResponse) and each user's last inbound time are kept in the application's
         * DataSource (a JdbcConversationStateRepository; tables created if missing) instead of in memory.
         */
        private boolean enabled;

        /** Prefix of the state tables (prefix + waits, prefix + last_inbound); default messenger_. */
        private String tablePrefix;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    public static class Inbox {

        /**
         * Whether webhook deliveries are committed to a durable inbox in the application's DataSource (a
         * JdbcWebhookInbox; table created if missing) and answered at once, the route running them with redelivery.
         */
        private boolean enabled;

        /** The inbox table; default MESSENGER_WEBHOOK_INBOX. */
        private String tableName;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTableName() {
            return tableName;
        }

        public void setTableName(String tableName) {
            this.tableName = tableName;
        }
    }
}
