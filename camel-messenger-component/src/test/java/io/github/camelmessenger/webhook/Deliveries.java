package io.github.camelmessenger.webhook;

/** Builds delivery bodies for tests that need many distinct events. */
final class Deliveries {

    private Deliveries() {
    }

    static String message(String sender, String mid, long timestamp, String text) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":" + timestamp + ",\"messaging\":["
               + event(sender, mid, timestamp, text) + "]}]}";
    }

    static String event(String sender, String mid, long timestamp, String text) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":" + timestamp
               + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }
}
