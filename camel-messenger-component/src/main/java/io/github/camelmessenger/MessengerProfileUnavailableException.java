package io.github.camelmessenger;

/**
 * {@code getUserProfile} for a user whose profile the Page may not read (the user restricted it, or never wrote to
 * the Page): the platform answers without any of the asked fields. Not an empty profile: a route must decide what to
 * do without the name.
 */
public class MessengerProfileUnavailableException extends MessengerException {

    private final String psid;

    public MessengerProfileUnavailableException(String psid, String fields) {
        super("The profile of user " + psid + " is not available to the Page (asked for " + fields
              + "): the user restricted it, or the app lacks the permission");
        this.psid = psid;
    }

    public String getPsid() {
        return psid;
    }
}
