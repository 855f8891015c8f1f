package io.sigil.server.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds SDK model objects with every member set, generically over sdkFields(), so that tests can cover
 * every operation's request and response. Values are deterministic (a counter, no randomness) and include
 * text that needs escaping.
 */
final class SampleModels {
    private static final int MAX_DEPTH = 8;
    private static final String[] TEXTS = {"plain", "needs <escaping> & \"quotes\" 'too'", "ünïcödé ☃ 𝄞",
        "line\nbreak\ttab", "windows\r\nline", "/path/with/slashes/", "a.b-c_d+e=f,g@h"};

    private int counter;

    /** A built object of the pojo whose empty builder is {@code builder}, with all members set. */
    Object fill(SdkPojo builder) {
        return fill(builder, 0);
    }

    private Object fill(SdkPojo builder, int depth) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = sample(field, depth);
            if (value != null) {
                field.set(builder, value);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private Object sample(SdkField<?> field, int depth) {
        int n = ++counter;
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return TEXTS[n % TEXTS.length] + "-" + n;
        }
        if (type == MarshallingType.INTEGER) {
            return n;
        }
        if (type == MarshallingType.LONG) {
            return 10_000_000_000L + n;
        }
        if (type == MarshallingType.BOOLEAN) {
            return n % 2 == 0;
        }
        if (type == MarshallingType.INSTANT) {
            Instant base = Instant.parse("2024-01-01T12:00:00Z").plusSeconds(n);
            return n % 2 == 0 ? base : base.plusMillis(359);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String("bytes-" + n);
        }
        if (type == MarshallingType.DOUBLE) {
            return n + 0.5;
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < 2 && depth < MAX_DEPTH; i++) {
                list.add(sample(member, depth + 1));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < 2 && depth < MAX_DEPTH; i++) {
                map.put("key-" + n + "-" + i, sample(value, depth + 1));
            }
            return map;
        }
        if (type == MarshallingType.SDK_POJO) {
            return depth < MAX_DEPTH ? fill(field.constructor().get(), depth + 1) : null;
        }
        throw new IllegalStateException("no sample for " + type + " of " + field.memberName());
    }
}
