package io.github.camelmessenger.springboot;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The messenger component's conversation state and webhook inbox on the application's DataSource, when
 * {@code camel.messenger.jdbc.state.enabled} / {@code camel.messenger.jdbc.inbox.enabled} is true. The component has
 * no DataSource option of its own, so the starter builds the JDBC stores and hands them to its {@code stateRepository}
 * and {@code inbox} options; a store set through {@code camel.component.messenger.*} wins.
 */
@AutoConfiguration(after = MessengerComponentAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MessengerJdbcProperties.class)
public class MessengerJdbcAutoConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "camel.messenger.jdbc.state", name = "enabled", havingValue = "true")
    public JdbcConversationStateRepository messengerConversationStateRepository(DataSource dataSource,
                                                                                MessengerJdbcProperties properties) {
        JdbcConversationStateRepository repository = new JdbcConversationStateRepository(dataSource);
        String prefix = properties.getState().getTablePrefix();
        if (prefix != null) {
            repository.setTablePrefix(prefix);
        }
        return repository;
    }

    @Bean
    @ConditionalOnProperty(prefix = "camel.messenger.jdbc.inbox", name = "enabled", havingValue = "true")
    public JdbcWebhookInbox messengerWebhookInbox(DataSource dataSource, MessengerJdbcProperties properties) {
        JdbcWebhookInbox inbox = new JdbcWebhookInbox(dataSource);
        String table = properties.getInbox().getTableName();
        if (table != null) {
            inbox.setTableName(table);
        }
        return inbox;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureMessengerJdbcStores(
            ObjectProvider<JdbcConversationStateRepository> stateRepository, ObjectProvider<JdbcWebhookInbox> inbox) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                MessengerConfiguration configuration = ((MessengerComponent) target).getConfiguration();
                if (configuration.getStateRepository() == null) {
                    stateRepository.ifAvailable(configuration::setStateRepository);
                }
                if (configuration.getInbox() == null) {
                    inbox.ifAvailable(configuration::setInbox);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof MessengerComponent;
            }
        };
    }
}
