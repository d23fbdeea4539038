package io.github.camelmessenger.examples.docs.samples;

import javax.sql.DataSource;

import io.github.camelmessenger.webhook.inbox.DeadLetter;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/** docs/webhook.md's Java DSL samples. */
public class WebhookSamples extends RouteBuilder {

    @Override
    public void configure() {
        // tag::echo[]
        from("messenger:webhook?verifyToken={{messenger.verifyToken}}&appSecret={{messenger.appSecret}}")
            .filter(header("CamelMessengerEventType").isEqualTo("message"))
            .setBody(simple("You said: ${header.CamelMessengerText}"))
            .to("messenger:sendMessage");          // answers the sender: CamelMessengerRecipientId is not set
        // end::echo[]
    }

    /** Two webhooks, one per app, in one context. */
    public static class TwoWebhooks extends RouteBuilder {
        @Override
        public void configure() {
            // tag::two-webhooks[]
            from("messenger:webhook?webhookPath=/shop/webhook&appSecret={{shop.appSecret}}&verifyToken={{shop.verifyToken}}")
                .to("direct:shop");
            from("messenger:webhook?webhookPath=/support/webhook&appSecret={{support.appSecret}}&verifyToken={{support.verifyToken}}")
                .to("direct:support");
            // end::two-webhooks[]
        }
    }

    /** An idempotent repository in front of the route. */
    public static class Idempotent extends RouteBuilder {
        @Override
        public void configure() {
            DataSource dataSource = getContext().getRegistry().lookupByNameAndType("dataSource", DataSource.class);
            // tag::idempotent[]
            JdbcMessageIdRepository processed = new JdbcMessageIdRepository(dataSource, "messenger-webhook");
            getContext().getRegistry().bind("processed", processed);
            from("messenger:webhook?appSecret={{messenger.appSecret}}&verifyToken={{messenger.verifyToken}}"
                 + "&idempotentRepository=#processed")
                .to("direct:events");
            // end::idempotent[]
        }
    }

    /** The durable inbox and its dead letters. */
    public static class Inbox extends RouteBuilder {
        @Override
        public void configure() {
            DataSource dataSource = getContext().getRegistry().lookupByNameAndType("dataSource", DataSource.class);
            // tag::inbox[]
            JdbcWebhookInbox inbox = new JdbcWebhookInbox(dataSource);   // any DataSource; H2 and PostgreSQL tested
            getContext().getRegistry().bind("inbox", inbox);
            from("messenger:webhook?appSecret={{messenger.appSecret}}&verifyToken={{messenger.verifyToken}}"
                 + "&inbox=#inbox&maximumRedeliveries=5&redeliveryDelay=2000")
                .to("direct:events");

            // later, e.g. from an admin route
            from("timer:dead-letters?period=60000").process(exchange -> {
                for (DeadLetter d : inbox.deadLetters()) {
                    log.info("{} {} failed {} times: {}", d.id(), d.eventType(), d.attempts(), d.lastError());
                    inbox.replay(d.id());   // or replayAll(), discard(id); pendingCount() for monitoring
                }
            });
            // end::inbox[]
        }
    }
}
