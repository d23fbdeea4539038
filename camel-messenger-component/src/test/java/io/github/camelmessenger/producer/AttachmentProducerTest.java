package io.github.camelmessenger.producer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.MediaPayload;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

class AttachmentProducerTest extends GraphApiTestSupport {

    private static final String ME = "/v25.0/me/messages";

    @Test
    void reusableAttachmentByUrlPutsTheAttachmentIdInAHeader() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v25.0/me/messages")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_att\",\"attachment_id\":\"99887766\"}")));

        Exchange out = send("messenger:sendAttachment?attachmentType=image&reusable=true&quickReplies=More",
                "https://example.com/shirt.png");

        assertThat(out.getException()).isNull();
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{
                  "attachment":{"type":"image","payload":{"url":"https://example.com/shirt.png","is_reusable":true}},
                  "quick_replies":[{"content_type":"text","title":"More","payload":"More"}]}}
                """.formatted(PSID));
        assertThat(out.getMessage().getHeader("CamelMessengerAttachmentId")).isEqualTo("99887766");
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_att");
    }

    @Test
    void attachmentIdFromTheHeaderWhenTheBodyIsEmpty() {
        send("messenger:sendAttachment?attachmentType=video", null, Map.of("CamelMessengerAttachmentId", "1857"));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{
                  "attachment":{"type":"video","payload":{"attachment_id":"1857"}}}}
                """.formatted(PSID));
    }

    @Test
    void typedAttachmentAndMapAttachment() {
        send("messenger:sendAttachment", Attachment.file("https://example.com/a.pdf"));
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{
                  "attachment":{"type":"file","payload":{"url":"https://example.com/a.pdf"}}}}
                """.formatted(PSID));

        graph.resetRequests();
        send("messenger:sendAttachment?attachmentType=audio", Map.of("url", "https://example.com/a.mp3"));
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{
                  "attachment":{"type":"audio","payload":{"url":"https://example.com/a.mp3"}}}}
                """.formatted(PSID));
    }

    @Test
    void fileBodyIsSentAsMultipartWithTheRequestFields() {
        byte[] png = "\u0089PNG-fake-bytes".getBytes(StandardCharsets.ISO_8859_1);

        Exchange out = send("messenger:sendAttachment?reusable=true", png,
                Map.of(Exchange.FILE_NAME, "shirt.png"));

        assertThat(out.getException()).isNull();
        List<LoggedRequest> all = graph.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        LoggedRequest request = all.get(0);
        assertThat(request.getUrl()).startsWith(ME);
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(request.getPart("recipient").getBody().asString()).isEqualTo("{\"id\":\"" + PSID + "\"}");
        assertThat(request.getPart("message").getBody().asString())
                .isEqualTo("{\"attachment\":{\"type\":\"image\",\"payload\":{\"is_reusable\":true}}}");
        assertThat(request.getPart("messaging_type").getBody().asString()).isEqualTo("RESPONSE");
        assertThat(request.getPart("filedata").getHeaders().getHeader("Content-Type").firstValue())
                .isEqualTo("image/png");
        assertThat(request.getPart("filedata").getBody().asBytes()).isEqualTo(png);
    }

    @Test
    void uploadAttachmentByUrl() {
        Exchange out = send("messenger:uploadAttachment?attachmentType=image", "https://example.com/logo.png");

        assertThat(out.getException()).isNull();
        assertOnlyRequest("/v25.0/me/message_attachments", """
                {"message":{"attachment":{"type":"image","payload":{"is_reusable":true,"url":"https://example.com/logo.png"}}}}
                """);
        assertThat(out.getMessage().getHeader("CamelMessengerAttachmentId")).isEqualTo("1857777774821032");
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"attachment_id\":\"1857777774821032\"}");
    }

    @Test
    void uploadAttachmentOfAFile() {
        byte[] data = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);

        Exchange out = send("messenger:uploadAttachment?attachmentType=file", data,
                Map.of(Exchange.FILE_NAME, "terms.pdf", "CamelMessengerPageId", "1122"));

        assertThat(out.getException()).isNull();
        LoggedRequest request = graph.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getUrl()).startsWith("/v25.0/1122/message_attachments");
        assertThat(request.getPart("message").getBody().asString())
                .isEqualTo("{\"attachment\":{\"type\":\"file\",\"payload\":{\"is_reusable\":true}}}");
        assertThat(request.getPart("filedata").getHeaders().getHeader("Content-Type").firstValue())
                .isEqualTo("application/pdf");
        assertThat(request.getPart("filedata").getBody().asBytes()).isEqualTo(data);
        assertThat(out.getMessage().getHeader("CamelMessengerAttachmentId")).isEqualTo("1857777774821032");
    }

    @Test
    void uploadThenReuseTheIdInAMediaTemplate() {
        Exchange out = template.send("direct:upload-and-show", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", PSID);
            e.getMessage().setBody("https://example.com/photo.jpg");
        });

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).getUrl()).startsWith(ME);
        assertThat(requests().get(1).getBodyAsString())
                .contains("\"attachment_id\":\"1857777774821032\"").contains("\"template_type\":\"media\"");
    }

    @Test
    void attachmentWithoutUrlOrIdIsRejected() {
        Exchange out = send("messenger:sendAttachment", "");

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerAttachmentId");
        assertNoRequest();
    }

    @Test
    void typedMediaPayloadWithBothUrlAndIdIsRejected() {
        Exchange out = send("messenger:sendAttachment",
                Attachment.media("image", new MediaPayload("https://example.com/x.png", "123", null)));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.attachment.payload");
        assertNoRequest();
    }

    @Override
    protected org.apache.camel.builder.RouteBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload-and-show")
                        .to("messenger:uploadAttachment")
                        .setBody(constant(null))
                        .to("messenger:sendMediaTemplate?mediaType=image");
            }
        };
    }
}
