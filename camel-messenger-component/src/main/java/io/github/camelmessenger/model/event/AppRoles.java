package io.github.camelmessenger.model.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Page's apps and their handover roles (app id to roles such as primary_receiver); carries no sender. */
public record AppRoles(Map<String, List<String>> roles) implements EventPayload {

    public AppRoles {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (roles != null) {
            roles.forEach((app, r) -> copy.put(app, r == null ? List.of() : List.copyOf(r)));
        }
        roles = Collections.unmodifiableMap(copy);
    }
}
