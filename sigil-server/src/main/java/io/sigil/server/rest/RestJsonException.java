package io.sigil.server.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer of a REST-JSON operation: the error shape's name (sent as {@code x-amzn-ErrorType}), the HTTP
 * status, a message safe to show, and the shape's other members (ValidationException's {@code reason} and
 * {@code fieldList}). Thrown by operations and by the dispatcher; never carries internals.
 */
public final class RestJsonException extends RuntimeException {
    private final String code;
    private final int status;
    private final String safeMessage;
    private final Map<String, Object> members;

    public RestJsonException(String code, int status, String safeMessage, Map<String, Object> members) {
        super(code + ": " + safeMessage, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
        this.safeMessage = Objects.requireNonNull(safeMessage, "safeMessage");
        this.members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members)); // in shape order
    }

    public RestJsonException(String code, int status, String safeMessage) {
        this(code, status, safeMessage, Map.of());
    }

    /** One member of ValidationException's {@code fieldList}. */
    public record Field(String name, String message) {}

    /**
     * ValidationException (Access Analyzer API Reference, "Errors": HTTP 400) with {@code reason}
     * {@code fieldValidationFailed} and the failing fields; the message is the usual "N validation error(s)
     * detected: ..." text joined with "; ".
     */
    public static RestJsonException fieldValidation(List<Field> fields) {
        String head = fields.size() + " validation error" + (fields.size() == 1 ? "" : "s") + " detected: ";
        StringBuilder text = new StringBuilder(head);
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(fields.get(i).message());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", fields.get(i).name());
            f.put("message", fields.get(i).message());
            list.add(f);
        }
        return validation(text.toString(), "fieldValidationFailed", list);
    }

    /** ValidationException with a reason from its enum: unknownOperation, cannotParse, fieldValidationFailed, other. */
    public static RestJsonException validation(String message, String reason, List<Map<String, Object>> fieldList) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason);
        if (fieldList != null && !fieldList.isEmpty()) {
            m.put("fieldList", List.copyOf(fieldList));
        }
        return new RestJsonException("ValidationException", 400, message, m);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String safeMessage() {
        return safeMessage;
    }

    public Map<String, Object> members() {
        return members;
    }
}
