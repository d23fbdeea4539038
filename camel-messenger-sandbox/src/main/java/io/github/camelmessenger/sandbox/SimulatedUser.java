package io.github.camelmessenger.sandbox;

/**
 * A person talking to the Page in the sandbox.
 *
 * @param psid  the page-scoped id the app sees
 * @param name  shown on the page, and the first name the profile lookup answers
 * @param email what the pre-filled e-mail quick reply shares
 * @param phone what the pre-filled phone quick reply shares
 */
public record SimulatedUser(String psid, String name, String email, String phone) {
}
