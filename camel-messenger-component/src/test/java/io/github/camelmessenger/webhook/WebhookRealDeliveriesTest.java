package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.model.event.DeliveryReceipt;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.ReadReceipt;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.MessengerConstants.ATTACHMENTS;
import static io.github.camelmessenger.MessengerConstants.TIMESTAMP;
import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries shaped as Meta's reference and real traffic show them, not as the tidy fixtures: link shares with a null
 * payload, receipts without timestamp, timestamps as strings or in seconds. Through real signed POSTs, with an
 * idempotent repository, with and without the inbox.
 */
class WebhookRealDeliveriesTest {

    private static final long ENTRY_TIME = 1458692752478L;

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector DIRECT = new EventCollector();
    private static final EventCollector VIA_INBOX = new EventCollector();

    @BeforeAll
    static void start() {
        server = new WebhookTestServer()
                .bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(1000))
                .bind("seenInbox", MemoryIdempotentRepository.memoryIdempotentRepository(1000))
                .bind("inbox", new JdbcWebhookInbox(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX")))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?webhookPath=/direct&eventTypes=*&idempotentRepository=#seen&appSecret="
                             + APP_SECRET).process(DIRECT);
                        from("messenger:webhook?webhookPath=/inbox&eventTypes=*&idempotentRepository=#seenInbox"
                             + "&inbox=#inbox&inboxPollDelay=50&appSecret=" + APP_SECRET).process(VIA_INBOX);
                    }
                }).start();
        client = new WebhookClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        DIRECT.clear();
        VIA_INBOX.clear();
    }

    private static String delivery(String... items) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":" + ENTRY_TIME + ",\"messaging\":["
               + String.join(",", items) + "]}]}";
    }

    private static String item(String sender, String timestampField, String kind) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"PAGE_1\"}" + timestampField + "," + kind
               + "}";
    }

    @Test
    void aLinkShareKeepsItsUrlAndTitle() {
        // Meta's reference: a shared link arrives as a fallback attachment with payload null, title and URL beside it
        String share = item("USER_1", ",\"timestamp\":" + ENTRY_TIME, "\"message\":{\"mid\":\"m_share\","
                                                                     + "\"attachments\":[{\"title\":\"Camel 4.18 released\","
                                                                     + "\"url\":null,\"type\":\"fallback\",\"payload\":null,"
                                                                     + "\"URL\":\"https://camel.apache.org/blog/\"}]}");
        assertThat(client.post("/direct", delivery(share)).statusCode()).isEqualTo(200);
        EventCollector.Received received = DIRECT.single();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) received.header(ATTACHMENTS);
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0)).containsEntry("type", "fallback")
                .containsEntry("url", "https://camel.apache.org/blog/")
                .containsEntry("title", "Camel 4.18 released");
        assertThat(received.event().message().attachments().get(0).url()).isEqualTo("https://camel.apache.org/blog/");
    }

    @Test
    void receiptsWithoutTimestampTakeTheEntryTimeAndTwoFromOneUserAreTwoEvents() {
        String first = item("USER_1", "", "\"delivery\":{\"mids\":[\"m_a\"],\"watermark\":1458668856253}");
        String second = item("USER_1", "", "\"delivery\":{\"mids\":[\"m_b\"],\"watermark\":1458668856999}");
        String read = item("USER_1", "", "\"read\":{\"watermark\":1458668857000}");
        assertThat(client.post("/direct", delivery(first, second, read)).statusCode()).isEqualTo(200);

        List<EventCollector.Received> received = DIRECT.received();
        assertThat(received).extracting(r -> r.event().type())
                .containsExactly(MessengerEventType.DELIVERY, MessengerEventType.DELIVERY, MessengerEventType.READ);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.event().timestamp()).isEqualTo(ENTRY_TIME);
            assertThat(r.header(TIMESTAMP)).isEqualTo(ENTRY_TIME);
        });
        assertThat(((DeliveryReceipt) received.get(1).event().payload()).watermark()).isEqualTo(1458668856999L);

        // the platform delivers the same again: now they are duplicates, each of them
        assertThat(client.post("/direct", delivery(first, second, read)).statusCode()).isEqualTo(200);
        assertThat(DIRECT.count()).isEqualTo(3);
    }

    @Test
    void timestampsAsStringsOrInSecondsBecomeEpochMilliseconds() {
        String asString = item("USER_1", ",\"timestamp\":\"1458692752478\"", "\"message\":{\"mid\":\"m_s\",\"text\":\"a\"}");
        String inSeconds = item("USER_2", ",\"timestamp\":1458692752", "\"message\":{\"mid\":\"m_sec\",\"text\":\"b\"}");
        String watermarkInSeconds = item("USER_3", ",\"timestamp\":1458692752478",
                "\"read\":{\"watermark\":\"1458668857\"}");
        assertThat(client.post("/direct", delivery(asString, inSeconds, watermarkInSeconds)).statusCode())
                .isEqualTo(200);
        List<EventCollector.Received> received = DIRECT.received();
        assertThat(received).extracting(r -> r.event().timestamp())
                .containsExactly(1458692752478L, 1458692752000L, 1458692752478L);
        assertThat(((ReadReceipt) received.get(2).event().payload()).watermark()).isEqualTo(1458668857000L);
    }

    @Test
    void theInboxKeepsTheEntryTimeOfEventsWithoutTimestamp() {
        String first = item("USER_9", "", "\"delivery\":{\"mids\":[\"m_c\"],\"watermark\":1458668856253}");
        String second = item("USER_9", "", "\"delivery\":{\"mids\":[\"m_d\"],\"watermark\":1458668856999}");
        assertThat(client.post("/inbox", delivery(first, second)).statusCode()).isEqualTo(200);
        List<EventCollector.Received> received = VIA_INBOX.awaitCount(2);
        assertThat(received).extracting(r -> r.event().timestamp()).containsExactly(ENTRY_TIME, ENTRY_TIME);
        assertThat(received).extracting(r -> ((DeliveryReceipt) r.event().payload()).mids().get(0))
                .containsExactly("m_c", "m_d");
    }
}
