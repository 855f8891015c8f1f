package io.sigil.server.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * An operation without an output shape (DeleteUser) writes only {@code ResponseMetadata}; one whose output shape
 * has no members (UpdateRole) an empty {@code <UpdateRoleResult/>} before it, as AWS does.
 */
public final class XmlResponseWriter {
    private XmlResponseWriter() {
    }

    /**
     * The response document of {@code operation} for {@code response}, UTF-8 encoded.
     *
     * @param hasResult whether the operation has an output shape (the model's {@code resultWrapper}), so that
     *                  its result element is written even when empty
     */
    public static byte[] write(Operation operation, SdkPojo response, String requestId, boolean hasResult) {
        Objects.requireNonNull(requestId, "requestId");
        if (!operation.responseType().isInstance(response)) {
            throw new IllegalArgumentException(operation.name() + " answers with "
                    + operation.responseType().getSimpleName() + ", not " + response.getClass().getSimpleName());
        }
        XmlText xml = new XmlText(512);
        xml.startWithNamespace(operation.responseElement(), operation.service().xmlNamespace());
        if (!response.sdkFields().isEmpty()) {
            xml.start(operation.resultElement());
            writeMembers(xml, response);
            xml.end(operation.resultElement());
        } else if (hasResult) {
            xml.empty(operation.resultElement());
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end("ResponseMetadata");
        xml.end(operation.responseElement());
        return xml.utf8();
    }

    private static void writeMembers(XmlText xml, SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isSet(field.marshallingType(), value)) {
                writeValue(xml, field, field.unmarshallLocationName(), value);
            }
        }
    }

    private static void writeValue(XmlText xml, SdkField<?> field, String name, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            writeList(xml, field.getRequiredTrait(ListTrait.class), name, (List<?>) value);
        } else if (type == MarshallingType.MAP) {
            writeMap(xml, field.getRequiredTrait(MapTrait.class), name, (Map<?, ?>) value);
        } else if (type == MarshallingType.SDK_POJO) {
            xml.start(name);
            writeMembers(xml, (SdkPojo) value);
            xml.end(name);
        } else {
            xml.element(name, ScalarCodec.encode(value));
        }
    }

    private static void writeList(XmlText xml, ListTrait trait, String name, List<?> list) {
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
            xml.empty(name);
            return;
        }
        xml.start(name);
        for (Object element : list) {
            writeValue(xml, memberField, memberName, element);
        }
        xml.end(name);
    }

    private static void writeMap(XmlText xml, MapTrait trait, String name, Map<?, ?> map) {
        if (!trait.isFlattened()) {
            xml.start(name);
        }
        String entryName = trait.isFlattened() ? name : "entry";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            xml.start(entryName);
            xml.element(trait.keyLocationName(), entry.getKey().toString());
            writeValue(xml, trait.valueFieldInfo(), trait.valueLocationName(), entry.getValue());
            xml.end(entryName);
        }
        if (!trait.isFlattened()) {
            xml.end(name);
        }
    }


    /**
     * Unset members are null, or the SDK's placeholder collections that mean "never set". Only list and map members
     * can hold those, so scalars skip the two interface checks (a fifth of ListUsers' XML encoding in the load
     * profile, where most members are strings and timestamps).
     */
    private static boolean isSet(MarshallingType<?> type, Object value) {
        if (value == null) {
            return false;
        }
        if (type == MarshallingType.LIST) {
            return !(value instanceof SdkAutoConstructList);
        }
        return type != MarshallingType.MAP || !(value instanceof SdkAutoConstructMap);
    }
}
