package io.github.camelmessenger.sandbox.graph;

import java.util.Map;

/**
 * The platform's wording and HTTP status for the error codes a fault can inject (messenger-platform.md §6.2, §9.2),
 * so an injected error looks like the real one; any other code gets a generic message.
 */
final class ErrorCatalog {

    private record Known(int httpStatus, int subcode, String message) {
    }

    private static final Map<Integer, Known> CODES = Map.ofEntries(
            Map.entry(1, new Known(500, 99, "An unknown error occurred")),
            Map.entry(2, new Known(500, 0, "An unexpected error has occurred. Please retry your request later.")),
            Map.entry(4, new Known(400, 0, "(#4) Application request limit reached")),
            Map.entry(10, new Known(400, 0, "(#10) Application does not have permission for this action")),
            Map.entry(17, new Known(400, 0, "(#17) User request limit reached")),
            Map.entry(32, new Known(400, 0, "(#32) Page request limit reached")),
            Map.entry(100, new Known(400, 0, "(#100) Invalid parameter")),
            Map.entry(190, new Known(400, 0, "Invalid OAuth access token - Cannot parse access token")),
            Map.entry(200, new Known(403, 0, "(#200) Permissions error")),
            Map.entry(341, new Known(400, 0, "(#341) Application limit reached")),
            Map.entry(368, new Known(400, 0,
                    "(#368) The action attempted has been deemed abusive or is otherwise disallowed")),
            Map.entry(551, new Known(400, 1545041, "(#551) This person isn't available right now.")),
            Map.entry(613, new Known(400, 0, "(#613) Calls to this api have exceeded the rate limit.")),
            Map.entry(1200, new Known(500, 0, "(#1200) Temporary send message failure. Please try again later.")),
            Map.entry(2018300, new Known(400, 0, "(#2018300) Another app is controlling this thread now")));

    private ErrorCatalog() {
    }

    /**
     * The error a fault injects.
     *
     * @param subcode    the subcode, or null for the code's usual one
     * @param message    the message, or null for the platform's wording
     * @param httpStatus the HTTP status, or 0 for the platform's usual one
     */
    static GraphError injected(int code, Integer subcode, String message, int httpStatus) {
        Known known = CODES.get(code);
        int status = httpStatus != 0 ? httpStatus : known != null ? known.httpStatus() : 400;
        int sub = subcode != null ? subcode : known != null ? known.subcode() : 0;
        String text = message != null ? message : known != null ? known.message() : "(#" + code + ") Sandbox fault";
        return new GraphError(status, code, sub, GraphError.OAUTH, text, "injected fault");
    }
}
