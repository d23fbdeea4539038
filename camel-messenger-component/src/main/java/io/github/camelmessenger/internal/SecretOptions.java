package io.github.camelmessenger.internal;

import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;

/**
 * The names of the {@code messenger} options marked {@code secret = true}, told to the CamelContext as sensitive
 * keywords. Camel masks a property in its logs (Camel Main's auto-configuration and startup summaries, route dumps)
 * only when the option's name is in its own list of sensitive names, which knows {@code accessToken} but not
 * {@code pageAccessToken}, {@code appSecret} or {@code verifyToken}.
 */
public final class SecretOptions {

    /** Keep equal to the secret options of the component JSON (a test compares them). */
    public static final List<String> NAMES = List.of("pageAccessToken", "pageAccessTokens", "appSecret", "verifyToken",
            "proxyUsername", "proxyPassword");

    private SecretOptions() {
    }

    /** Adds the names to the context's additional sensitive keywords, keeping those already there. */
    public static void registerWith(CamelContext context) {
        var extension = context.getCamelContextExtension();
        String existing = extension.getAdditionalSensitiveKeywords();
        StringBuilder keywords = new StringBuilder(existing == null ? "" : existing);
        for (String name : NAMES) {
            // Camel compares the lower-cased option name, dashes removed, against these keywords
            String keyword = name.toLowerCase(Locale.ENGLISH);
            if (!keywords.toString().toLowerCase(Locale.ENGLISH).contains(keyword)) {
                if (!keywords.isEmpty()) {
                    keywords.append(',');
                }
                keywords.append(keyword);
            }
        }
        extension.setAdditionalSensitiveKeywords(keywords.toString());
    }
}
