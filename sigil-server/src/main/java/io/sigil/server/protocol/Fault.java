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
}
