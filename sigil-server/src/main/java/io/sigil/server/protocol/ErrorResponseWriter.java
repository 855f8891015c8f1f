package io.sigil.server.protocol;

import java.util.Objects;

/**
 * Writes the one error document of the Query protocol, as IAM and STS send it:
 *
 * <pre>{@code
 * <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
 *   <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>…</Message></Error>
 *   <RequestId>…</RequestId>
 * </ErrorResponse>
 * }</pre>
 *
 * <p>IAM API Reference, "Query API error responses"; STS uses the same shape in its own namespace. The SDKs
 * map {@code Code} to their typed exceptions (e.g. {@code NoSuchEntity} → {@code NoSuchEntityException}).
 * The HTTP status is {@link AwsError#httpStatus()}; the response's content type is {@link #CONTENT_TYPE}.
 */
public final class ErrorResponseWriter {
    /** The content type AWS sends with Query responses and errors. */
    public static final String CONTENT_TYPE = "text/xml";

    private ErrorResponseWriter() {
    }

    /** The error document of {@code error} for a request to {@code service}, UTF-8 encoded. */
    public static byte[] write(AwsService service, AwsError error, String requestId) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(requestId, "requestId");
        XmlText xml = new XmlText(256);
        xml.startWithNamespace("ErrorResponse", service.xmlNamespace()).start("Error")
                .element("Type", error.fault().wireName())
                .element("Code", error.code());
        if (!error.message().isEmpty()) { // AWS sends some errors without one (ReportNotPresent)
            xml.element("Message", error.message());
        }
        return xml.end("Error").element("RequestId", requestId).end("ErrorResponse").utf8();
    }
}
