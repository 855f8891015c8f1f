package io.sigil.iam.service;

import io.sigil.policy.Effect;
import io.sigil.policy.ParseResult;
import io.sigil.policy.Policy;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.Statement;
import io.sigil.policy.reference.ActionInfo;
import io.sigil.policy.reference.ReferenceData;
import io.sigil.policy.reference.ServiceInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The services, and their actions, that a permissions policy allows (GetServiceLastAccessedDetails: "list every
 * AWS service that the resource could access using permissions policies"; "Service last accessed data does not use
 * other policy types ... It only applies permissions policy logic"). A service is granted when an {@code Allow}
 * statement's {@code Action} matches one of its actions in the Service Authorization Reference, or its
 * {@code NotAction} leaves one of them out. Resources and conditions are not considered: the statement could grant
 * the action for some request. Deny statements do not remove services, as in the IAM console's Access Advisor,
 * which lists the services a policy grants permissions to.
 */
final class GrantedServices {

    private GrantedServices() {
    }

    /** Namespace (lower case) to the granted actions' names as AWS spells them; empty for an unreadable document. */
    static Map<String, Set<String>> of(String document) {
        ParseResult r = PolicyParser.parse(document);
        return r.ok() ? of(r.policy()) : Map.of();
    }

    static Map<String, Set<String>> of(Policy policy) {
        Map<String, Set<String>> granted = new HashMap<>();
        for (Statement s : policy.statements()) {
            if (s.effect() != Effect.ALLOW || s.action() == null) {
                continue;
            }
            boolean negated = s.action().negated();
            if (!negated) {
                customServices(s.action().values(), granted);
            }
            for (ServiceInfo service : ReferenceData.get().services()) {
                List<String> patterns = forService(s.action().values(), service.prefix());
                if (patterns.isEmpty() && !negated) {
                    continue;
                }
                for (ActionInfo a : service.actions()) {
                    boolean named = patterns.stream().anyMatch(p -> matches(p, a.name()));
                    if (named != negated) {
                        granted.computeIfAbsent(service.prefix().toLowerCase(Locale.ROOT), k -> new HashSet<>())
                                .add(a.name());
                    }
                }
            }
        }
        return granted;
    }

    /**
     * Services the reference does not know (the private services that ask Sigil's authorization API) are granted
     * when a pattern names their prefix without wildcards; their actions when named without wildcards too.
     */
    private static void customServices(List<String> patterns, Map<String, Set<String>> granted) {
        for (String p : patterns) {
            int colon = p.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String prefix = p.substring(0, colon).toLowerCase(Locale.ROOT);
            String action = p.substring(colon + 1);
            if (prefix.matches("[a-z0-9-]+") && ReferenceData.get().service(prefix) == null) {
                Set<String> actions = granted.computeIfAbsent(prefix, k -> new HashSet<>());
                if (action.matches("[A-Za-z0-9]+")) {
                    actions.add(action);
                }
            }
        }
    }

    /** The action parts of the patterns whose service part matches {@code prefix} ({@code *} matches every service). */
    private static List<String> forService(List<String> patterns, String prefix) {
        List<String> out = new java.util.ArrayList<>();
        for (String p : patterns) {
            int colon = p.indexOf(':');
            if (colon < 0) {
                if (p.equals("*")) {
                    out.add("*");
                }
            } else if (matches(p.substring(0, colon), prefix)) {
                out.add(p.substring(colon + 1));
            }
        }
        return out;
    }

    /** IAM's action matching: case-insensitive, {@code *} any run of characters, {@code ?} any one character. */
    static boolean matches(String pattern, String action) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String a = action.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ai = 0;
        int star = -1;
        int mark = 0;
        while (ai < a.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == a.charAt(ai))) {
                pi++;
                ai++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ai;
            } else if (star >= 0) {
                pi = star + 1;
                ai = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
