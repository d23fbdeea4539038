package io.github.camelmessenger.model;

/**
 * A user's public profile as the Page sees it ({@code getUserProfile}). Locale, timezone and gender are there only
 * when asked for (option {@code fields}) and when the app holds the matching permissions; otherwise null.
 *
 * @param psid       the page-scoped id
 * @param firstName  first name
 * @param lastName   last name
 * @param profilePic the profile picture URL (it expires: fetch it soon)
 * @param locale     e.g. {@code en_US}
 * @param timezone   hours from UTC, e.g. {@code -7.0}
 * @param gender     as the platform says it
 */
public record UserProfile(String psid, String firstName, String lastName, String profilePic, String locale,
                          Double timezone, String gender) {
}
