package io.sigil.server.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private ErrorResponseWriter() {
    }

    /** The error document of {@code error} for a request to {@code service}, UTF-8 encoded. */
    public static byte[] write(AwsService service, AwsError error, String requestId) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(requestId, "requestId");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartElement("ErrorResponse");
            xml.writeDefaultNamespace(service.xmlNamespace());
            xml.writeStartElement("Error");
            element(xml, "Type", error.fault().wireName());
            element(xml, "Code", error.code());
            if (!error.message().isEmpty()) { // AWS sends some errors without one (ReportNotPresent)
                element(xml, "Message", error.message());
            }
            xml.writeEndElement();
            element(xml, "RequestId", requestId);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an error response", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        XmlText.write(xml, text);
        xml.writeEndElement();
    }
}
