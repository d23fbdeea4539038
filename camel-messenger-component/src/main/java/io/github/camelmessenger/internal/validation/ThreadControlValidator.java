package io.github.camelmessenger.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelmessenger.internal.validation.Checks.fail;
import static io.github.camelmessenger.internal.validation.Checks.has;
import static io.github.camelmessenger.internal.validation.Checks.maxLength;
import static io.github.camelmessenger.internal.validation.Checks.object;
import static io.github.camelmessenger.internal.validation.Checks.requiredString;
import static io.github.camelmessenger.internal.validation.Checks.string;
import static io.github.camelmessenger.internal.validation.PlatformLimits.EXTEND_THREAD_CONTROL_MAX_SECONDS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.THREAD_CONTROL_METADATA_MAX_LENGTH;

/**
 * Checks the bodies of the conversation routing (handover) calls: pass, take, request, release and extend thread
 * control.
 */
public final class ThreadControlValidator {

    private ThreadControlValidator() {
    }

    /** @param edge the Graph API edge, e.g. {@code pass_thread_control} */
    public static void validate(String edge, JsonNode body) {
        requiredString(object(body, "recipient", "recipient", true), "id", "recipient.id");
        if (has(body, "metadata")) {
            maxLength("metadata", string(body, "metadata", "metadata"), THREAD_CONTROL_METADATA_MAX_LENGTH);
        }
        if ("pass_thread_control".equals(edge)) {
            JsonNode target = body.get("target_app_id");
            if (target == null || target.isNull() || target.asText().isBlank()) {
                fail("target_app_id", "the app to pass control to is required (option or header targetAppId)", null);
            }
        }
        if ("extend_thread_control".equals(edge)) {
            JsonNode duration = body.get("duration");
            if (duration == null || !duration.canConvertToLong() || duration.asLong() <= 0
                    || duration.asLong() > EXTEND_THREAD_CONTROL_MAX_SECONDS) {
                fail("duration", "between 1 second and 7 days (" + EXTEND_THREAD_CONTROL_MAX_SECONDS + " seconds)",
                        duration == null ? null : duration.asText());
            }
        }
    }
}
