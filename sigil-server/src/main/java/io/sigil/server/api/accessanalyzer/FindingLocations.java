package io.sigil.server.api.accessanalyzer;

import io.sigil.policy.Finding;
import io.sigil.policy.SourceSpan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's {@code locations} (Access Analyzer API Reference, "Location", "PathElement", "Span", "Position"): the
 * JSON path of the element as path elements ({@code {"value": "Statement"}, {"index": 0}, ...}: "value" refers to
 * the value of the named member, "index" to an array element) and its span, whose positions have a line from 1, a
 * column from 0 and a character offset from 0, the end exclusive. A finding about the whole document (no path, no
 * position) has no location.
 */
final class FindingLocations {
    private FindingLocations() {}

    static List<Object> of(Finding f, String text) {
        SourceSpan s = f.span();
        if (f.line() <= 0 && s.line() <= 0) {
            return List.of();
        }
        Map<String, Object> span = new LinkedHashMap<>();
        if (s.line() > 0 && s.startOffset() >= 0 && s.endOffset() >= s.startOffset()) {
            span.put("start", position(s.line(), s.column(), s.startOffset()));
            span.put("end", position(s.endLine(), s.endColumn(), s.endOffset()));
        } else {
            long offset = offsetOf(text, f.line(), f.column());
            Map<String, Object> at = position(f.line(), f.column(), offset);
            span.put("start", at);
            span.put("end", at);
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("path", path(f.path()));
        location.put("span", span);
        return List.of(location);
    }

    /** The engine counts columns from 1; Access Analyzer from 0. */
    private static Map<String, Object> position(int line, int column1, long offset) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("line", line);
        p.put("column", Math.max(0, column1 - 1));
        p.put("offset", (int) Math.max(0, offset));
        return p;
    }

    /** The character offset of a 1-based line and column. */
    static long offsetOf(String text, int line, int column1) {
        int l = 1;
        int i = 0;
        while (l < line && i < text.length()) {
            if (text.charAt(i++) == '\n') {
                l++;
            }
        }
        return Math.min(text.length(), i + Math.max(0, column1 - 1));
    }

    /**
     * The engine's path text, e.g. {@code Statement[0].Condition.StringEquals.aws:SourceIp} or
     * {@code Statement[1].Action[2]}, as path elements. Member names are separated by dots, except a condition key,
     * which follows its operator and may itself contain dots ({@code aws:RequestTag/a.b}).
     */
    static List<Object> path(String path) {
        List<Object> out = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            return out;
        }
        int i = 0;
        int names = 0;
        boolean inCondition = false;
        while (i < path.length()) {
            int end;
            if (inCondition && names == 2) {
                end = path.length();
                while (end > i && path.charAt(end - 1) == ']') {
                    int open = path.lastIndexOf('[', end - 1);
                    if (open < i || !path.substring(open + 1, end - 1).chars().allMatch(Character::isDigit)) {
                        break;
                    }
                    end = open;
                }
            } else {
                end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
            }
            String name = path.substring(i, end);
            if (!name.isEmpty()) {
                out.add(Map.of("value", name));
                if (inCondition) {
                    names++;
                } else if (name.equals("Condition")) {
                    inCondition = true;
                    names = 1;
                }
            }
            i = end;
            while (i < path.length() && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0 || close == i + 1
                        || !path.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                    return out;
                }
                out.add(Map.of("index", Integer.parseInt(path.substring(i + 1, close))));
                i = close + 1;
            }
            if (i < path.length() && path.charAt(i) == '.') {
                i++;
            }
        }
        return out;
    }
}
