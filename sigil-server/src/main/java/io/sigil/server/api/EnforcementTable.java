package io.sigil.server.api;

import io.sigil.iam.Arns;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Tx;
import io.sigil.policy.ContextValue;
import software.amazon.awssdk.awscore.AwsRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which resource each operation's action is authorised on and which condition keys the request adds, read from
 * {@code enforcement.tsv}: one table for all operations (the file's header documents its small language).
 */
public final class EnforcementTable {
    /**
     * What authorisation needs from one request. {@code resource} is null for operations that need none;
     * {@code alsoResource}, when not null, is a second resource the caller must be allowed on too (a rename is
     * authorised on the entity's old and new ARN).
     */
    public record Target(String resource, Map<String, ContextValue> keys, String alsoResource) {
        public Target(String resource, Map<String, ContextValue> keys) {
            this(resource, keys, null);
        }
    }

    private record Rule(String[] resource, List<String[]> keys, String[] also) {}

    private final Map<String, Rule> rules;

    private EnforcementTable(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static EnforcementTable load() {
        Map<String, Rule> rules = new HashMap<>();
        try (InputStream in = EnforcementTable.class.getResourceAsStream("enforcement.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3 && cols.length != 4) {
                    throw new IllegalStateException("enforcement.tsv: bad line: " + line);
                }
                List<String[]> keys = new ArrayList<>();
                if (!cols[2].equals("-")) {
                    for (String k : cols[2].split(" ")) {
                        keys.add(k.split(":"));
                    }
                }
                rules.put(cols[0], new Rule(cols[1].split(":"), keys, cols.length == 4 ? cols[3].split(":") : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EnforcementTable(rules);
    }

    public boolean covers(String operation) {
        return rules.containsKey(operation);
    }

    /** The target of one request; reads the store for existing entities' paths and tags. */
    public Target resolve(String operation, AwsRequest request, Principal caller, Tx tx) {
        Rule rule = rules.get(operation);
        if (rule == null) {
            throw new IllegalArgumentException("no enforcement rule for " + operation);
        }
        String account = caller.accountId();
        String[] spec = rule.resource();
        User resourceUser = null;
        String resource;
        switch (spec[0]) {
            case "none":
                return new Target(null, Map.of());
            case "*":
                resource = "*";
                break;
            case "list":
                resource = "arn:" + Arns.PARTITION + ":iam::" + account + ":" + spec[1];
                break;
            case "user": {
                String name = member(request, spec[1]);
                if (name == null) {
                    resourceUser = caller.user();
                    resource = caller.arn();
                } else {
                    resourceUser = tx.users().find(account, name).orElse(null);
                    resource = resourceUser != null ? resourceUser.arn() : Arns.user(account, "/", name);
                }
                break;
            }
            case "user-new":
                resource = Arns.user(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
            case "group": {
                String name = member(request, spec[1]);
                resource = tx.groups().find(account, name).map(g -> g.arn()).orElse(Arns.group(account, "/", name));
                break;
            }
            case "group-new":
                resource = Arns.group(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
            case "key-owner": {
                String keyId = member(request, spec[1]);
                Optional<AccessKey> key = tx.accessKeys().find(keyId).filter(k -> k.accountId().equals(account));
                if (key.isPresent() && !key.get().isRoot()) {
                    resourceUser = tx.users().find(account, key.get().userName()).orElse(null);
                }
                resource = resourceUser != null ? resourceUser.arn() : caller.arn();
                break;
            }
            default:
                throw new IllegalStateException("enforcement.tsv: unknown resource kind " + spec[0]);
        }
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        for (String[] k : rule.keys()) {
            addKeys(keys, k, request, resourceUser);
        }
        return new Target(resource, keys, rule.also() == null ? null : renamed(rule.also(), request, account, tx));
    }

    /**
     * {@code rename-user:NewName:NewPath:OldName} / {@code rename-group:…}: the ARN after an Update*, where an
     * absent new name or path keeps the old one (IAM API Reference, UpdateUser: "the requester must have
     * appropriate permissions on both the source object and the target object").
     */
    private static String renamed(String[] spec, AwsRequest request, String account, Tx tx) {
        String oldName = member(request, spec[3]);
        String newName = member(request, spec[1]);
        String newPath = member(request, spec[2]);
        boolean user = spec[0].equals("rename-user");
        String oldPath = user ? tx.users().find(account, oldName).map(u -> u.path()).orElse("/")
                : tx.groups().find(account, oldName).map(g -> g.path()).orElse("/");
        String name = newName == null ? oldName : newName;
        String path = newPath == null ? oldPath : newPath;
        return user ? Arns.user(account, path, name) : Arns.group(account, path, name);
    }

    private static void addKeys(Map<String, ContextValue> keys, String[] k, AwsRequest request, User resourceUser) {
        switch (k[0]) {
            case "request-tags": {
                List<String> tagKeys = new ArrayList<>();
                for (Object t : list(request, k[1])) {
                    if (t instanceof software.amazon.awssdk.services.iam.model.Tag tag) {
                        keys.put("aws:RequestTag/" + tag.key(), ContextValue.of(tag.value()));
                        tagKeys.add(tag.key());
                    }
                }
                if (!tagKeys.isEmpty()) {
                    keys.put("aws:TagKeys", ContextValue.ofList(tagKeys));
                }
                break;
            }
            case "tag-keys": {
                List<String> tagKeys = new ArrayList<>();
                for (Object t : list(request, k[1])) {
                    tagKeys.add(String.valueOf(t));
                }
                if (!tagKeys.isEmpty()) {
                    keys.put("aws:TagKeys", ContextValue.ofList(tagKeys));
                }
                break;
            }
            case "boundary": {
                String arn = member(request, k[1]);
                if (arn != null) {
                    keys.put("iam:PermissionsBoundary", ContextValue.of(arn));
                }
                break;
            }
            case "resource-tags":
                if (resourceUser != null) {
                    resourceUser.tags().forEach(t -> keys.put("aws:ResourceTag/" + t.key(), ContextValue.of(t.value())));
                }
                break;
            default:
                throw new IllegalStateException("enforcement.tsv: unknown key kind " + k[0]);
        }
    }

    private static String member(AwsRequest request, String name) {
        return request.getValueForField(name, Object.class).map(String::valueOf).orElse(null);
    }

    private static String pathOr(AwsRequest request, String member) {
        String p = member(request, member);
        return p == null || p.isEmpty() ? "/" : p;
    }

    private static List<?> list(AwsRequest request, String member) {
        return request.getValueForField(member, List.class).orElse(List.of());
    }
}
