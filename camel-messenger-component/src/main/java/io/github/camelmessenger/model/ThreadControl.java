package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Conversation Routing instruction sent along with a message: pass or release thread control after it.
 *
 * @param controlType {@code pass} or {@code release}
 * @param appId       the app to pass control to ({@code pass} only; optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadControl(
        @JsonProperty("control_type") String controlType,
        @JsonProperty("app_id") String appId) {

    public static ThreadControl pass(String appId) {
        return new ThreadControl("pass", appId);
    }

    public static ThreadControl release() {
        return new ThreadControl("release", null);
    }
}
