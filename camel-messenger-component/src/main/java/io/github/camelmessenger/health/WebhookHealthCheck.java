package io.github.camelmessenger.health;

import java.util.function.BooleanSupplier;

import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The {@code messenger:webhook} consumer: up while it listens; with a JDBC inbox, how many events wait and how many
 * are dead letters (a growing number is worth an alert, not a restart).
 */
public final class WebhookHealthCheck extends MessengerHealthCheck {

    private final String path;
    private final BooleanSupplier listening;
    private final WebhookInbox inbox;

    public WebhookHealthCheck(String path, BooleanSupplier listening, WebhookInbox inbox) {
        super("messenger-webhook" + path.replace('/', '-'), true);
        this.path = path;
        this.listening = listening;
        this.inbox = inbox;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("path", path);
        if (inbox instanceof JdbcWebhookInbox jdbc) {
            builder.detail("inbox.pending", jdbc.pendingCount());
            builder.detail("inbox.deadLetters", jdbc.deadLetters().size());
        }
        if (listening.getAsBoolean()) {
            builder.up();
        } else {
            builder.down().message("the webhook " + path + " is not listening");
        }
    }
}
