package io.github.camelmessenger.producer;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlRouteTest extends GraphApiTestSupport {

    @Test
    void yamlRouteSendsAButtonTemplate() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/button-template.yaml"));

        Exchange out = template.send("direct:yaml-buttons", e -> e.getMessage().setHeader("psid", "9876"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"9876"},"messaging_type":"RESPONSE","notification_type":"SILENT_PUSH",
                 "message":{"attachment":{"type":"template","payload":{"template_type":"button",
                   "text":"What do you want to do next?","buttons":[
                     {"type":"web_url","url":"https://www.messenger.com","title":"Visit Messenger"},
                     {"type":"phone_number","title":"Call us","payload":"+16505551234"},
                     {"type":"postback","title":"Start","payload":"START"}]}}}}
                """);
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_sent-1");
    }
}
