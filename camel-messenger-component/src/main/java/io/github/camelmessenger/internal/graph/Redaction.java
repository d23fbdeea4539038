package io.github.camelmessenger.internal.graph;

/** Scrubs credentials out of text that may reach a log or an exception message. */
final class Redaction {

    private static final String[] CREDENTIAL_PARAMETERS = { "access_token=", "appsecret_proof=" };

    private Redaction() {
    }

    static boolean isCredential(String parameterName) {
        return "access_token".equals(parameterName) || "appsecret_proof".equals(parameterName);
    }

    /**
     * Masks the values of credential query parameters: Vert.x quotes the request URI (which carries
     * {@code appsecret_proof}) in some failure messages, e.g. timeouts.
     */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String parameter : CREDENTIAL_PARAMETERS) {
            int from = 0;
            int at;
            while ((at = result.indexOf(parameter, from)) >= 0) {
                int start = at + parameter.length();
                int end = start;
                while (end < result.length() && isValueChar(result.charAt(end))) {
                    end++;
                }
                result = result.substring(0, start) + "***" + result.substring(end);
                from = start + 3;
            }
        }
        return result;
    }

    private static boolean isValueChar(char c) {
        return c != '&' && c != ' ' && c != '#' && c != '"' && c != '\'' && c != ',' && c != ')' && c != '\n';
    }
}
