package io.sigil.server.protocol;

/**
 * Who caused an error, as written in {@code <Error><Type>}: the caller ({@code Sender}) or the service
 * ({@code Receiver}). IAM API Reference, "Common Errors"; botocore's {@code senderFault}.
 */
public enum Fault {
    SENDER("Sender"),
    RECEIVER("Receiver");

    private final String wireName;

    Fault(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The side an error of HTTP {@code status} blames when nothing more is known (a refusal at the edge): the
     * service for a 5xx, as AWS types its own InternalFailure and ServiceUnavailable ("Common Errors"), else the
     * caller.
     */
    public static Fault ofStatus(int status) {
        return status >= 500 ? RECEIVER : SENDER;
    }
}
