package io.github.camelmessenger.internal.operation;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.validation.SendApiValidator;

/**
 * Personas, a person of the team speaking through the bot with a name and a picture: {@code createPersona} (the new
 * id in {@code CamelMessengerPersonaId}), {@code getPersona}, {@code listPersonas}, {@code deletePersona}. A send or
 * sender action takes the persona with option {@code personaId} or that header.
 */
public final class Personas {

    private Personas() {
    }

    public static PreparedCall call(MessengerOperation operation, OutboundExchange send) {
        ExchangeSettings settings = send.settings();
        return switch (operation) {
            case createPersona -> PreparedCall.withId(send.json("me/personas", persona(send), RateClass.NONE),
                    MessengerConstants.PERSONA_ID);
            case listPersonas -> new PreparedCall(GraphRequest.get("me/personas", Map.of(), send.token(),
                    send.appSecret(), send.page()));
            case getPersona -> new PreparedCall(GraphRequest.get(personaId(settings), Map.of(), send.token(),
                    send.appSecret(), send.page()));
            case deletePersona -> new PreparedCall(GraphRequest.delete(personaId(settings), Map.of(), send.token(),
                    send.appSecret(), send.page()));
            default -> throw new IllegalStateException(operation + " is not a persona call");
        };
    }

    /** The body's {@code name} and {@code profile_picture_url} (a Map or JSON), else text body / options. */
    private static ObjectNode persona(OutboundExchange send) {
        ExchangeSettings settings = send.settings();
        ObjectNode tree = send.body().isStructured() ? send.body().tree().deepCopy() : null;
        ObjectNode persona = tree != null ? tree : io.github.camelmessenger.internal.send.Json.NODES.objectNode();
        if (!persona.hasNonNull("name")) {
            String name = tree == null ? send.body().text() : null;
            if (name == null || name.isBlank()) {
                name = settings.options.getPersonaName();
            }
            if (name != null) {
                persona.put("name", name.strip());
            }
        }
        if (!persona.hasNonNull("profile_picture_url") && settings.options.getPersonaPictureUrl() != null) {
            persona.put("profile_picture_url", settings.options.getPersonaPictureUrl());
        }
        String name = persona.path("name").asText("");
        if (name.isBlank()) {
            throw new MessengerValidationException("name",
                    "createPersona needs a name (the body, its name field, or option personaName)", name);
        }
        String picture = persona.path("profile_picture_url").asText(null);
        if (picture == null || picture.isBlank()) {
            throw new MessengerValidationException("profile_picture_url",
                    "createPersona needs a profile picture URL (profile_picture_url or option personaPictureUrl)",
                    picture);
        }
        SendApiValidator.httpUrl("profile_picture_url", picture);
        return persona;
    }

    private static String personaId(ExchangeSettings settings) {
        String id = settings.get(MessengerConstants.PERSONA_ID, settings.options.getPersonaId());
        if (id == null || id.isBlank()) {
            throw new MessengerValidationException("personaId",
                    "the persona's id (header CamelMessengerPersonaId or option personaId)", id);
        }
        return id.strip();
    }
}
