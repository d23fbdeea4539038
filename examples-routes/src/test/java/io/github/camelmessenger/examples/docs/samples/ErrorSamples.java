package io.github.camelmessenger.examples.docs.samples;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.MessengerWindowClosedException;
import org.apache.camel.builder.RouteBuilder;

/** docs/guides/errors-and-retries.md. */
public class ErrorSamples extends RouteBuilder {

    @Override
    public void configure() {
        // tag::on-exception[]
        // the user has not written for 24 hours: no HTTP call was made; ask by e-mail instead
        onException(MessengerWindowClosedException.class)
            .handled(true)
            .to("direct:fallback-by-mail");

        // the input broke a platform limit: a bug in the route, not a reason to retry
        onException(MessengerValidationException.class)
            .handled(true)
            .log("not sent: ${exception.field} breaks '${exception.limit}' (value: ${exception.value})");

        // the platform refused the call after the component's own retries (transient codes) were spent
        onException(MessengerApiException.class)
            .handled(true)
            .log("Graph API error ${exception.code}/${exception.subcode}: ${exception.errorMessage}"
                 + " (fbtrace ${exception.fbtraceId})");

        from("direct:notify")
            .to("messenger:sendMessage?maxRetries=5&retryDelay=1000&rateLimitRetryDelay=10000");
        // end::on-exception[]
    }
}
