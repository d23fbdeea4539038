package io.github.camelmessenger.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's mail server: an embedded SMTP server (GreenMail) that the bot's fallback e-mails go to, and a relay that
 * reports each e-mail it received to the sandbox's outbox API ({@code POST /sandbox/api/outbox}), so the sandbox page
 * shows it beside the chat. Not for production: point {@code example.mail.endpoint} at your SMTP server instead.
 */
public final class DemoMailServer extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final URI outbox;
    private final Set<String> relayed = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CamelContext context;
    private GreenMail greenMail;
    private ScheduledExecutorService relay;

    /**
     * @param outbox the sandbox's outbox API, or null to keep the e-mails in the SMTP server only
     */
    public DemoMailServer(String host, int port, URI outbox) {
        this.host = host;
        this.port = port;
        this.outbox = outbox;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    /** The e-mails received so far (tests read them). */
    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    @Override
    protected void doStart() {
        greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        LOG.info("Demo SMTP server on {}:{}", host, greenMail.getSmtp().getPort());
        if (outbox != null) {
            relay = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "demo-mail-relay");
            relay.scheduleWithFixedDelay(this::relayNew, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void doStop() {
        if (relay != null) {
            context.getExecutorServiceManager().shutdown(relay);
            relay = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private void relayNew() {
        try {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                for (Address to : message.getAllRecipients()) {
                    String key = message.getMessageID() + " " + to;
                    if (!relayed.contains(key) && report(to.toString(), message)) {
                        relayed.add(key);
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Could not read the demo mailbox: {}", e.getMessage());
        }
    }

    private boolean report(String to, MimeMessage message) throws MessagingException {
        ObjectNode body = JSON.createObjectNode().put("to", to).put("subject", message.getSubject())
                .put("text", GreenMailUtil.getBody(message).strip());
        HttpRequest request = HttpRequest.newBuilder(outbox).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                LOG.warn("The sandbox outbox refused an e-mail ({}): {}", answer.statusCode(), answer.body());
            }
            // refused (a bad address) is final: only a failure to reach the sandbox is tried again
            return true;
        } catch (IOException e) {
            LOG.debug("The sandbox outbox is not reachable yet: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
