package io.sigil.server.api;

import io.sigil.iam.Arns;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.ServerCertificate;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.reference.TableResource;
import io.sigil.iam.service.ServiceLinkedRoles;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.store.Tx;
import io.sigil.policy.ContextValue;
import software.amazon.awssdk.awscore.AwsRequest;

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
     * What authorisation needs from one request. {@code resource} is null for operations that need none.
     * {@code also} lists further checks, each an action on a resource, that the caller must pass after the
     * operation's own: the new ARN of a rename, with the operation's action (UpdateUser: "the requester must have
     * appropriate permissions on both the source object and the target object"), and {@code iam:PassRole} on the
     * role AddRoleToInstanceProfile adds ("The caller of this operation must be granted the PassRole permission on
     * the IAM role by a permissions policy"). {@code accountGrant}: the account's password policy allows this call
     * to every IAM user (AllowUsersToChangePassword), so an implicit deny on {@code resource} is overridden; an
     * explicit deny still denies. {@code namedUser}: the user the request names by UserName, as read here (null when
     * none was read), which the operation may answer with instead of reading it again.
     */
    public record Target(String resource, Map<String, ContextValue> keys, List<Also> also, boolean accountGrant,
                         User namedUser) {
        public Target {
            also = List.copyOf(also);
        }

        public Target(String resource, Map<String, ContextValue> keys) {
            this(resource, keys, List.of(), false, null);
        }
    }

    /**
     * A further check: {@code action} (null for the operation's own action) on {@code resource}, with the
     * operation's context keys ({@code keys} null) or with the request's global keys and {@code keys} instead: a
     * passed role is not judged by the keys of the resource it is passed with ("You cannot limit permissions to pass
     * a role based on tags attached to the role using the ResourceTag/key-name condition key"; IAM User Guide,
     * "Grant a user permissions to pass a role to an AWS service").
     */
    public record Also(String action, String resource, Map<String, ContextValue> keys) {
        public Also {
            keys = keys == null ? null : Map.copyOf(keys);
        }

        public Also(String action, String resource) {
            this(action, resource, null);
        }
    }

    private record Rule(String[] resource, List<String[]> keys, String[] also) {}

    /** The service a service-specific credential is for (Service Authorization Reference, IAM condition keys). */
    private static final String CREDENTIAL_SERVICE_KEY = "iam:ServiceSpecificCredentialServiceName";

    private final Map<String, Rule> rules;

    private EnforcementTable(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static EnforcementTable load() {
        Map<String, Rule> rules = new HashMap<>();
        for (String line : TableResource.records(EnforcementTable.class, "enforcement.tsv")) {
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
        return new EnforcementTable(rules);
    }

    /**
     * How AccessDenied names a resource, as IAM words it:
     * <ul>
     * <li>a managed policy as "policy ARN" ("is not authorized to perform: iam:DeletePolicyVersion on resource:
     *     policy arn:aws:iam::123456789012:policy/P");</li>
     * <li>an existing user, role, group or instance profile as "TYPE NAME" ("iam:GetRole on resource: role
     *     cdk-hnb659fds-file-publishing-role-...", aws/aws-cdk#27067; "iam:GetLoginProfile on resource: user vault",
     *     rebuy-de/aws-nuke#294; "iam:RemoveRoleFromInstanceProfile on resource: instance profile eksctl-...");</li>
     * <li>ListPolicies as "policy path PATH" ("iam:ListPolicies on resource: policy path /", aws/aws-sam-cli#394);</li>
     * <li>anything else by ARN, which is also how a Create* names what it would create, how iam:PassRole names the
     *     role, and how a list action names its path ("iam:CreateRole on resource: arn:aws:iam::...:role/...").</li>
     * </ul>
     */
    public static String describe(String resource, String operation, String action) {
        String iam = "arn:" + Arns.PARTITION + ":iam::";
        if (operation.equals("ListPolicies") && action.equals("iam:ListPolicies")) {
            return "policy path /";
        }
        if (!resource.startsWith(iam)) {
            return resource;
        }
        if (resource.contains(":policy/")) {
            return "policy " + resource;
        }
        if (operation.startsWith("Create") || action.equals("iam:PassRole") || resource.endsWith("/")) {
            return resource;
        }
        String tail = resource.substring(resource.indexOf(':', iam.length()) + 1);
        int slash = tail.indexOf('/');
        if (slash < 0) {
            return resource;
        }
        String type = switch (tail.substring(0, slash)) {
            case "user" -> "user";
            case "role" -> "role";
            case "group" -> "group";
            case "instance-profile" -> "instance profile";
            default -> null;
        };
        return type == null ? resource : type + " " + tail.substring(tail.lastIndexOf('/') + 1);
    }

    public boolean covers(String operation) {
        return rules.containsKey(operation);
    }

    /** The target of one request; reads the store for existing entities' paths and tags. */
    public Target resolve(String operation, AwsRequest request, Principal caller, Tx tx) {
        return resolve(operation, request, caller, tx, null);
    }

    /**
     * The target of one request when it needs nothing from the store but the user it names, which {@code users}
     * gives (cached); empty when the operation's rule needs the store for more, for the caller to
     * {@link #resolve(String, AwsRequest, Principal, Tx) resolve} it in a read transaction. This spares the read
     * transaction of the commonest calls on users (GetUser, ListUserTags, ListAccessKeys, ...).
     */
    public Optional<Target> resolveWithoutStore(String operation, AwsRequest request, Principal caller,
                                                NamedUsers users) {
        try {
            return Optional.of(resolve(operation, request, caller, NoStoreTx.INSTANCE, users));
        } catch (NoStoreTx.NeedsStore e) {
            return Optional.empty();
        }
    }

    private Target resolve(String operation, AwsRequest request, Principal caller, Tx tx, NamedUsers users) {
        Rule rule = rules.get(operation);
        if (rule == null) {
            throw new IllegalArgumentException("no enforcement rule for " + operation);
        }
        String account = caller.accountId();
        String[] spec = rule.resource();
        User resourceUser = null;
        User namedUser = null;
        List<Tag> resourceTags = List.of();
        String currentBoundary = null;
        String resource;
        switch (spec[0]) {
            case "none":
                return new Target(null, Map.of());
            case "*":
                resource = "*";
                break;
            case "list":
                resource = "arn:" + Arns.PARTITION + ":iam::" + account + ":" + spec[1]
                        + (spec.length > 2 ? pathOr(request, spec[2]) : "");
                break;
            case "user": {
                String name = member(request, spec[1]);
                if (name == null) {
                    resourceUser = caller.user();
                    resource = caller.arn();
                } else {
                    resourceUser = (users != null ? users.find(account, name) : tx.users().find(account, name))
                            .orElse(null);
                    namedUser = resourceUser;
                    resource = resourceUser != null ? resourceUser.arn() : Arns.user(account, "/", name);
                }
                currentBoundary = resourceUser == null ? null : resourceUser.permissionsBoundaryArn();
                break;
            }
            case "role": {
                String name = member(request, spec[1]);
                Role role = tx.roles().find(account, name).orElse(null);
                resource = role != null ? role.arn() : Arns.role(account, "/", name);
                resourceTags = role == null ? List.of() : role.tags();
                currentBoundary = role == null ? null : role.permissionsBoundaryArn();
                break;
            }
            case "policy": {
                resource = member(request, spec[1]);
                resourceTags = tx.managedPolicies().find(resource).map(ManagedPolicy::tags).orElse(List.of());
                break;
            }
            case "policy-new":
                resource = Arns.policy(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
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
            case "caller":
                resourceUser = caller.user();
                resource = caller.arn();
                break;
            case "mfa": {
                String serial = member(request, spec[1]);
                Optional<VirtualMfaDevice> device = tx.mfaDevices().find(account, serial);
                resourceTags = device.map(VirtualMfaDevice::tags).orElse(List.of());
                resource = device.map(VirtualMfaDevice::serialNumber).orElse(mfaArn(account, serial));
                break;
            }
            case "mfa-new":
                resource = Arns.mfa(account, pathOr(request, spec[2]), member(request, spec[1]));
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
            case "server-certificate": {
                String name = member(request, spec[1]);
                Optional<ServerCertificate> cert = tx.serverCertificates().find(account, name);
                resourceTags = cert.map(ServerCertificate::tags).orElse(List.of());
                resource = cert.map(ServerCertificate::arn).orElse(Arns.serverCertificate(account, "/", name));
                break;
            }
            case "server-certificate-new":
                resource = Arns.serverCertificate(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
            case "role-new":
                resource = Arns.role(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
            case "instance-profile": {
                String name = member(request, spec[1]);
                Optional<InstanceProfile> profile = tx.instanceProfiles().find(account, name);
                resourceTags = profile.map(InstanceProfile::tags).orElse(List.of());
                resource = profile.map(InstanceProfile::arn).orElse(Arns.instanceProfile(account, "/", name));
                break;
            }
            case "instance-profile-new":
                resource = Arns.instanceProfile(account, pathOr(request, spec[2]), member(request, spec[1]));
                break;
            case "slr-new": {
                ServiceLinkedRoles.Entry e = ServiceLinkedRoles.lookup(member(request, spec[1])).orElse(null);
                resource = e == null ? "*" : Arns.role(account, e.path(), e.roleName(member(request, spec[2])));
                break;
            }
            case "slr-task":
                resource = slrTaskRole(account, member(request, spec[1]));
                break;
            case "oidc-provider": {
                resource = member(request, spec[1]);
                Optional<OidcProvider> provider = oidcProvider(tx, account, resource);
                resourceTags = provider.map(OidcProvider::tags).orElse(List.of());
                break;
            }
            case "oidc-provider-new": {
                String url = member(request, spec[1]);
                resource = OidcProvider.arn(account, OidcProvider.resourceName(url == null ? "" : url));
                break;
            }
            case "access-report":
                resource = "arn:" + Arns.PARTITION + ":iam::" + account + ":access-report/" + member(request, spec[1]);
                break;
            case "principal-arn": {
                // The user, group or role the member's ARN names, as given (Service Authorization Reference:
                // SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy act on group*, role*, user*).
                resource = member(request, spec[1]);
                String name = resource == null ? "" : resource.substring(resource.lastIndexOf('/') + 1);
                String prefix = "arn:" + Arns.PARTITION + ":iam::" + account + ":";
                if (resource != null && resource.startsWith(prefix + "user/")) {
                    resourceUser = tx.users().find(account, name).orElse(null);
                } else if (resource != null && resource.startsWith(prefix + "role/")) {
                    resourceTags = tx.roles().find(account, name).map(Role::tags).orElse(List.of());
                }
                if (resource == null) {
                    resource = "*";
                }
                break;
            }
            case "delegation-request":
                resource = DelegationRequest.arn(account, member(request, spec[1]));
                break;
            case "arn": {
                // The ARN as given: access advisor's subject (Service Authorization Reference:
                // GenerateServiceLastAccessedDetails takes group, policy, role and user resources;
                // ListPoliciesGrantingServiceAccess group, role and user), GetHumanReadableSummary's EntityArn, a
                // role template ARN. Anything that is no ARN is checked against "*".
                String arn = member(request, spec[1]);
                resource = arn == null || !arn.startsWith("arn:") ? "*" : arn;
                break;
            }
            case "saml-provider": {
                // The request names the provider by ARN; its tags are the stored provider's, if it is one of ours.
                resource = member(request, spec[1]);
                String arn = resource;
                resourceTags = samlProviderName(account, arn)
                        .flatMap(name -> tx.samlProviders().find(account, name))
                        .map(p -> p.tags()).orElse(List.of());
                break;
            }
            case "saml-provider-new":
                resource = Arns.samlProvider(account, member(request, spec[1]));
                break;
            case "federated-user":
                resource = "arn:" + Arns.PARTITION + ":sts::" + account + ":federated-user/" + member(request, spec[1]);
                break;
            default:
                throw new IllegalStateException("enforcement.tsv: unknown resource kind " + spec[0]);
        }
        if (resourceUser != null) {
            resourceTags = resourceUser.tags();
        }
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        List<Also> also = new ArrayList<>();
        boolean grant = false;
        for (String[] k : rule.keys()) {
            if (k[0].equals("pass-role")) {
                String role = member(request, k[1]);
                also.add(new Also("iam:PassRole", tx.roles().find(account, role).map(Role::arn)
                        .orElse(Arns.role(account, "/", role)), passRoleKeys(k, account)));
            } else if (k[0].equals("password-self-service")) {
                grant = selfServiceGrant(caller, resourceUser, tx);
            } else if (k[0].equals("delegation-owner")) {
                grant = delegationOwner(keys, caller, member(request, k[1]), tx);
            } else if (k[0].equals("delegation-owner-key")) {
                delegationOwner(keys, caller, member(request, k[1]), tx);
            } else if (k[0].equals("tag-action")) {
                if (!list(request, k[1]).isEmpty()) {
                    also.add(new Also(k[2] + ":" + k[3], resource));
                }
            } else {
                addKeys(keys, k, request, resourceTags, currentBoundary, account, tx);
            }
        }
        // A user's or role's tags are iam:ResourceTag/KEY too (Service Authorization Reference, IAM: the user and role
        // resource types take both aws:ResourceTag/${TagKey} and iam:ResourceTag/${TagKey}; IAM User Guide, "IAM: Add
        // a specific tag to a user with a specific tag").
        if (!resourceTags.isEmpty() && (resource.contains(":user/") || resource.contains(":role/"))) {
            for (Tag t : resourceTags) {
                ContextValue v = keys.get("aws:ResourceTag/" + t.key());
                if (v != null) {
                    keys.put("iam:ResourceTag/" + t.key(), v);
                }
            }
        }
        if (rule.also() != null) {
            String renamed = renamed(rule.also(), request, account, tx);
            if (!renamed.equals(resource)) {
                also.add(0, new Also(null, renamed));
            }
        }
        return new Target(resource, keys, also, grant, namedUser);
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
        String oldPath = switch (spec[0]) {
            case "rename-user" -> tx.users().find(account, oldName).map(u -> u.path()).orElse("/");
            case "rename-group" -> tx.groups().find(account, oldName).map(g -> g.path()).orElse("/");
            case "rename-server-certificate" ->
                    tx.serverCertificates().find(account, oldName).map(ServerCertificate::path).orElse("/");
            default -> throw new IllegalStateException("enforcement.tsv: unknown rename kind " + spec[0]);
        };
        String name = newName == null ? oldName : newName;
        String path = newPath == null ? oldPath : newPath;
        return switch (spec[0]) {
            case "rename-user" -> Arns.user(account, path, name);
            case "rename-group" -> Arns.group(account, path, name);
            default -> Arns.serverCertificate(account, path, name);
        };
    }

    /**
     * {@code pass-role:Member:Service}: the keys of the iam:PassRole check (Service Authorization Reference, IAM:
     * iam:PassRole with iam:PassedToService and iam:AssociatedResourceArn). The service is the one the role is
     * passed to; for EC2 (AddRoleToInstanceProfile) the associated resource is any instance of the account: "you
     * cannot specify a Region or instance ID in the EC2 instance ARN. The ARN value must be
     * arn:aws:ec2:*:CallerAccountId:instance/*" (IAM API Reference, AddRoleToInstanceProfile).
     */
    private static Map<String, ContextValue> passRoleKeys(String[] spec, String account) {
        if (spec.length < 3) {
            return Map.of();
        }
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        keys.put("iam:PassedToService", ContextValue.of(spec[2]));
        if (spec[2].equals("ec2.amazonaws.com")) {
            keys.put("iam:AssociatedResourceArn", ContextValue.of("arn:" + Arns.PARTITION + ":ec2:*:" + account
                    + ":instance/*"));
        }
        return keys;
    }

    /**
     * The role a deletion task id names: {@code task/aws-service-role/SERVICE/ROLE/UUID} →
     * {@code arn:aws:iam::ACCOUNT:role/aws-service-role/SERVICE/ROLE}; {@code *} for another form.
     */
    private static String slrTaskRole(String account, String taskId) {
        String[] p = taskId == null ? new String[0] : taskId.split("/");
        if (p.length != 5 || !p[0].equals("task") || !p[1].equals("aws-service-role")) {
            return "*";
        }
        return Arns.role(account, "/aws-service-role/" + p[2] + "/", p[3]);
    }

    /**
     * AllowUsersToChangePassword "gives IAM users permissions to iam:ChangePassword for only their user and to the
     * iam:GetAccountPasswordPolicy action ... the permissions are applied at the account-level for all users by IAM"
     * (API Reference, "PasswordPolicy").
     */
    private static boolean selfServiceGrant(Principal caller, User resourceUser, Tx tx) {
        if (!caller.isIamUser() || (resourceUser != null && !resourceUser.id().equals(caller.user().id()))) {
            return false;
        }
        return tx.passwordPolicies().find(caller.accountId()).map(PasswordPolicy::allowUsersToChangePassword)
                .orElse(false);
    }

    /**
     * {@code iam:DelegationRequestOwner}, the request's owner ARN; and whether the caller is that owner: "Once the
     * delegation request is fully owned, the owner of the request gets a default permission" (IAM API Reference,
     * "GetDelegationRequest", "UpdateDelegationRequest"), which overrides an implicit deny as an account grant does.
     */
    private static boolean delegationOwner(Map<String, ContextValue> keys, Principal caller, String id, Tx tx) {
        String bare = id == null ? null : id.substring(id.indexOf(":delegation-request/") < 0 ? 0
                : id.indexOf(":delegation-request/") + ":delegation-request/".length());
        Optional<String> owner = bare == null ? Optional.empty()
                : tx.delegationRequests().find(bare).map(DelegationRequest::ownerId);
        owner.ifPresent(o -> keys.put("iam:DelegationRequestOwner", ContextValue.of(o)));
        return owner.isPresent() && owner.get().equals(caller.arn());
    }

    /** The provider name in {@code arn:aws:iam::ACCOUNT:saml-provider/NAME} of this account, if it is one. */
    private static Optional<String> samlProviderName(String account, String arn) {
        String prefix = "arn:" + Arns.PARTITION + ":iam::" + account + ":saml-provider/";
        return arn != null && arn.startsWith(prefix) && arn.length() > prefix.length()
                ? Optional.of(arn.substring(prefix.length())) : Optional.empty();
    }

    /** The provider an {@code arn:aws:iam::ACCOUNT:oidc-provider/NAME} of the caller's account names, if any. */
    private static Optional<OidcProvider> oidcProvider(Tx tx, String account, String arn) {
        String prefix = OidcProvider.arn(account, "");
        return arn == null || !arn.startsWith(prefix) ? Optional.empty()
                : tx.oidcProviders().find(account, arn.substring(prefix.length()));
    }

    /** A serial number that names no device of the account: itself when it is an ARN, else an mfa ARN of it. */
    private static String mfaArn(String account, String serial) {
        return serial == null ? "*" : serial.startsWith("arn:") ? serial
                : "arn:" + Arns.PARTITION + ":iam::" + account + ":mfa/" + serial;
    }

    private static void addKeys(Map<String, ContextValue> keys, String[] k, AwsRequest request,
                                List<Tag> resourceTags, String currentBoundary, String account, Tx tx) {
        switch (k[0]) {
            case "request-tags": {
                List<String> tagKeys = new ArrayList<>();
                for (Object t : list(request, k[1])) {
                    if (t instanceof software.amazon.awssdk.services.iam.model.Tag tag) {
                        keys.put("aws:RequestTag/" + tag.key(), ContextValue.of(tag.value()));
                        tagKeys.add(tag.key());
                    } else if (t instanceof software.amazon.awssdk.services.sts.model.Tag tag) {
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
            case "current-boundary":
                if (currentBoundary != null) {
                    keys.put("iam:PermissionsBoundary", ContextValue.of(currentBoundary));
                }
                break;
            case "policy-arn": {
                String arn = member(request, k[1]);
                if (arn != null) {
                    keys.put("iam:PolicyARN", ContextValue.of(arn));
                }
                break;
            }
            case "resource-tags":
                resourceTags.forEach(t -> keys.put("aws:ResourceTag/" + t.key(), ContextValue.of(t.value())));
                break;
            case "credential-service": {
                String service = member(request, k[1]);
                if (service != null) {
                    keys.put(CREDENTIAL_SERVICE_KEY, ContextValue.of(service));
                }
                break;
            }
            case "credential-age": {
                String days = member(request, k[1]);
                if (days != null) {
                    keys.put("iam:ServiceSpecificCredentialAgeDays", ContextValue.of(days));
                }
                break;
            }
            case "stored-credential-service": {
                String id = member(request, k[1]);
                if (id != null) {
                    tx.serviceSpecificCredentials().find(account, id).ifPresent(
                            c -> keys.put(CREDENTIAL_SERVICE_KEY, ContextValue.of(c.serviceName())));
                }
                break;
            }
            case "context": {
                String value = member(request, k[1]);
                if (value != null) {
                    keys.put(String.join(":", java.util.Arrays.copyOfRange(k, 2, k.length)), ContextValue.of(value));
                }
                break;
            }
            case "context-list": {
                List<String> values = list(request, k[1]).stream().map(String::valueOf).toList();
                if (!values.isEmpty()) {
                    keys.put(String.join(":", java.util.Arrays.copyOfRange(k, 2, k.length)),
                            ContextValue.ofList(values));
                }
                break;
            }
            case "property-namespaces": {
                List<String> namespaces = request.getValueForField(k[1], Map.class).map(m -> ((Map<?, ?>) m)
                        .keySet().stream().map(String::valueOf).map(x -> x.contains("/")
                                ? x.substring(0, x.indexOf('/')) : x).distinct().sorted().toList())
                        .orElse(List.of());
                if (!namespaces.isEmpty()) {
                    keys.put("iam:AccountPropertyNamespaces", ContextValue.ofList(namespaces));
                }
                break;
            }
            case "template-arn": {
                request.getValueForField(k[1], software.amazon.awssdk.services.iam.model.DelegationPermission.class)
                        .map(software.amazon.awssdk.services.iam.model.DelegationPermission::policyTemplateArn)
                        .ifPresent(arn -> keys.put("iam:TemplateArn", ContextValue.of(arn)));
                break;
            }
            case "organizations-policy-id": {
                String id = member(request, k[1]);
                if (id != null) {
                    keys.put("iam:OrganizationsPolicyId", ContextValue.of(id));
                }
                break;
            }
            case "service-name": {
                String service = member(request, k[1]);
                if (service != null) {
                    keys.put("iam:AWSServiceName", ContextValue.of(service));
                }
                break;
            }
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
