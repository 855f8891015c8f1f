package io.sigil.server.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One shape of the generated constraint table (see {@code scripts/generate-constraints.py}): a botocore shape
 * reachable from an IAM or STS request, with the constraints AWS checks before the operation runs.
 *
 * @param name        the shape name, prefixed with its service ({@code iam:userNameType})
 * @param type        the botocore type: {@code structure}, {@code list}, {@code string}, {@code integer}, …
 * @param min         the minimum length (strings, lists) or value (numbers), or null
 * @param max         the maximum length or value, or null
 * @param patternText the regular expression as the model writes it (and as AWS quotes it), or null
 * @param enumValues  the allowed values of an enum string, empty otherwise
 * @param listMember  the element shape of a list, or null
 * @param sensitive   whether AWS leaves the value out of validation messages
 * @param members     the members of a structure, in model order
 */
record ConstraintShape(String name, String type, Long min, Long max, String patternText, List<String> enumValues,
                       String listMember, boolean sensitive, List<Member> members) {

    ConstraintShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        members = List.copyOf(members);
    }

    /**
     * A structure member.
     *
     * @param wireName the Query parameter name ({@code UserName})
     * @param target   the shape of its value
     * @param required whether AWS rejects a request without it
     */
    record Member(String wireName, String target, boolean required) {
        Member {
            Objects.requireNonNull(wireName, "wireName");
            Objects.requireNonNull(target, "target");
        }
    }

    /** The compiled pattern; values must match it entirely. */
    Pattern pattern() {
        return patternText == null ? null : PatternCache.compile(patternText);
    }

    ConstraintShape withMember(Member member) {
        List<Member> more = new ArrayList<>(members);
        more.add(member);
        return new ConstraintShape(name, type, min, max, patternText, enumValues, listMember, sensitive, more);
    }

    /** Patterns compile once; the table has a few dozen distinct ones. */
    private static final class PatternCache {
        private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

        static Pattern compile(String regex) {
            return CACHE.computeIfAbsent(regex, Pattern::compile);
        }
    }
}
