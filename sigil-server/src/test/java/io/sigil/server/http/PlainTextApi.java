package io.sigil.server.http;

/** A stand-in API for edge tests: every call answers 200 "api", every refusal its code, both as plain text. */
final class PlainTextApi implements ApiEndpoint {
    static final PlainTextApi INSTANCE = new PlainTextApi();

    private PlainTextApi() {}

    @Override
    public HttpReply handle(HttpCall call) {
        return HttpReply.text(200, "text/plain", "api\n");
    }

    @Override
    public HttpReply refuse(HttpCall partial, int status, String code, String message) {
        return HttpReply.text(status, "text/plain", code + "\n");
    }
}
