package io.github.camelmessenger.sandbox;

/** A request to the sandbox's own API that cannot be carried out; answered 400 (or 404), naming the field. */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final int status;

    public BadRequestException(String field, String message) {
        this(400, field, message);
    }

    public BadRequestException(int status, String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.status = status;
    }

    public static BadRequestException unknownUser(String psid) {
        return new BadRequestException(404, "psid", "no simulated user has the PSID \"" + psid
                                                   + "\"; create one with POST /sandbox/api/users");
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
