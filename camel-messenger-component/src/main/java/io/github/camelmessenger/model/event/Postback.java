package io.github.camelmessenger.model.event;

/**
 * A tapped postback button, Get Started or persistent-menu item. On the standby channel {@code payload} is null:
 * only the app that sent the button gets it.
 */
public record Postback(String title, String payload, String mid, Referral referral) implements EventPayload {
}
