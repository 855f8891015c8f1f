package io.sigil.server.http;

/** The AWS API endpoint: besides answering requests, it renders the edge's refusals in AWS's error shape. */
public interface ApiEndpoint extends Endpoint {
    /**
     * A request refused at the edge, before parsing: {@code status} 413 for a body over the limit, 400 for too
     * many parameters or an unreadable body, or the status of Jetty's own refusal ({@link EdgeErrors}); {@code code}
     * and {@code message} as AWS words them. The error's type follows the status ({@code Fault.ofStatus}).
     */
    HttpReply refuse(HttpCall partial, int status, String code, String message);
}
