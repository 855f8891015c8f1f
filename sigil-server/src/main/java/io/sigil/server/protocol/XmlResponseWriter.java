package io.sigil.server.protocol;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes a successful Query response, generically over the response object's {@code sdkFields()}:
 *
 * <pre>{@code
 * <CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
 *   <CreateUserResult><User>…</User></CreateUserResult>
 *   <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>
 * </CreateUserResponse>
 * }</pre>
 *
 * <p>Shapes as the IAM and STS API References show them: lists as {@code <Name><member>…</member></Name>}
 * ({@code <Name/>} when set and empty), maps as {@code <entry><key>…</key><value>…</value></entry>}, timestamps
 * in ISO 8601 UTC, booleans {@code true}/{@code false}, blobs in base64. Members that are unset are omitted.
 * An operation whose response has no members (DeleteUser) writes only {@code ResponseMetadata}.
 */
public final class XmlResponseWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlResponseWriter() {
    }

    /** The response document of {@code operation} for {@code response}, UTF-8 encoded. */
    public static byte[] write(Operation operation, SdkPojo response, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(operation, response, requestId, out);
        return out.toByteArray();
    }

    /** Writes the response document of {@code operation} for {@code response} to {@code out} in UTF-8. */
    public static void write(Operation operation, SdkPojo response, String requestId, OutputStream out) {
        Objects.requireNonNull(requestId, "requestId");
        if (!operation.responseType().isInstance(response)) {
            throw new IllegalArgumentException(operation.name() + " answers with "
                    + operation.responseType().getSimpleName() + ", not " + response.getClass().getSimpleName());
        }
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartElement(operation.responseElement());
            xml.writeDefaultNamespace(operation.service().xmlNamespace());
            if (!response.sdkFields().isEmpty()) {
                xml.writeStartElement(operation.resultElement());
                writeMembers(xml, response);
                xml.writeEndElement();
            }
            writeResponseMetadata(xml, requestId);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the " + operation.name() + " response", e);
        }
    }

    static void writeResponseMetadata(XMLStreamWriter xml, String requestId) throws XMLStreamException {
        xml.writeStartElement("ResponseMetadata");
        element(xml, "RequestId", requestId);
        xml.writeEndElement();
    }

    private static void writeMembers(XMLStreamWriter xml, SdkPojo pojo) throws XMLStreamException {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isSet(value)) {
                writeValue(xml, field, field.unmarshallLocationName(), value);
            }
        }
    }

    private static void writeValue(XMLStreamWriter xml, SdkField<?> field, String name, Object value)
            throws XMLStreamException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            writeList(xml, field.getRequiredTrait(ListTrait.class), name, (List<?>) value);
        } else if (type == MarshallingType.MAP) {
            writeMap(xml, field.getRequiredTrait(MapTrait.class), name, (Map<?, ?>) value);
        } else if (type == MarshallingType.SDK_POJO) {
            xml.writeStartElement(name);
            writeMembers(xml, (SdkPojo) value);
            xml.writeEndElement();
        } else {
            element(xml, name, ScalarCodec.encode(value));
        }
    }

    private static void writeList(XMLStreamWriter xml, ListTrait trait, String name, List<?> list)
            throws XMLStreamException {
        SdkField<?> memberField = trait.memberFieldInfo();
        String memberName = trait.memberLocationName() != null ? trait.memberLocationName()
                : memberField.unmarshallLocationName();
        if (trait.isFlattened()) {
            for (Object element : list) {
                writeValue(xml, memberField, name, element);
            }
            return;
        }
        if (list.isEmpty()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        for (Object element : list) {
            writeValue(xml, memberField, memberName, element);
        }
        xml.writeEndElement();
    }

    private static void writeMap(XMLStreamWriter xml, MapTrait trait, String name, Map<?, ?> map)
            throws XMLStreamException {
        if (!trait.isFlattened()) {
            xml.writeStartElement(name);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            xml.writeStartElement(trait.isFlattened() ? name : "entry");
            element(xml, trait.keyLocationName(), entry.getKey().toString());
            writeValue(xml, trait.valueFieldInfo(), trait.valueLocationName(), entry.getValue());
            xml.writeEndElement();
        }
        if (!trait.isFlattened()) {
            xml.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        XmlText.write(xml, text);
        xml.writeEndElement();
    }

    /** Unset members are null, or the SDK's placeholder collections that mean "never set". */
    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }
}
