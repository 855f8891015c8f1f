package io.sigil.iam.service;

import static io.sigil.iam.service.PolicyServiceFixture.ACCOUNT;
import static io.sigil.iam.service.PolicyServiceFixture.READ_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.VIEW_ONLY;
import static io.sigil.iam.service.PolicyServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListPolicies (Scope, OnlyAttached, PathPrefix, PolicyUsageFilter, paging) and ListEntitiesForPolicy. */
class PolicyListingsTest {

    @TempDir
    Path dir;
    private PolicyServiceFixture f;
    private PolicyListings listings;

    @BeforeEach
    void setUp() {
        f = new PolicyServiceFixture(dir, Limits.AWS_DEFAULTS);
        listings = f.listings();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private List<String> names(PolicyListings.Scope scope, boolean onlyAttached, PolicyListings.Usage usage,
            PageRequest first) {
        List<String> out = new ArrayList<>();
        PageRequest page = first;
        while (true) {
            Page<PolicyInfo> p = listings.listPolicies(ACCOUNT, scope, onlyAttached, usage, page);
            p.items().forEach(i -> out.add(i.policy().arn()));
            if (!p.isTruncated()) {
                return out;
            }
            page = page.after(p.nextMarker());
        }
    }

    @Test
    void scopeLocal_listsTheAccountsPolicies_byNameCaseInsensitively_pagedWithSmallMaxItems() {
        f.createPolicy("beta", "/");
        f.createPolicy("Alpha", "/");
        f.createPolicy("gamma", "/x/");
        assertThat(names(PolicyListings.Scope.LOCAL, false, null, PageRequest.of(2))).containsExactly(
                "arn:aws:iam::123456789012:policy/Alpha", "arn:aws:iam::123456789012:policy/beta",
                "arn:aws:iam::123456789012:policy/x/gamma");
    }

    @Test
    void scopeAws_listsTheWholeCatalogue_withJobFunctionAndServiceRolePaths() {
        f.createPolicy("Mine", "/");
        List<String> aws = names(PolicyListings.Scope.AWS, false, null, PageRequest.of(1000));
        assertThat(aws).hasSizeGreaterThan(1500).contains(READ_ONLY, VIEW_ONLY,
                "arn:aws:iam::aws:policy/AdministratorAccess")
                .anyMatch(a -> a.startsWith("arn:aws:iam::aws:policy/service-role/"))
                .anyMatch(a -> a.startsWith("arn:aws:iam::aws:policy/aws-service-role/"))
                .noneMatch(a -> a.contains("123456789012"));
        assertThat(names(PolicyListings.Scope.ALL, false, null, PageRequest.of(1000)))
                .hasSize(aws.size() + 1).contains("arn:aws:iam::123456789012:policy/Mine");
    }

    @Test
    void pathPrefix_keepsOnlyPoliciesUnderIt() {
        assertThat(names(PolicyListings.Scope.AWS, false, null,
                new PageRequest("/job-function/", null, 100))).contains(VIEW_ONLY)
                .allMatch(a -> a.startsWith("arn:aws:iam::aws:policy/job-function/")).hasSizeGreaterThan(5);
    }

    @Test
    void onlyAttached_andUsageFilters_keepPoliciesUsedThatWayInTheAccount() {
        String mine = f.createPolicy("Boundary", "/").policy().arn();
        f.createUser("ann");
        f.attachments().attach(ACCOUNT, PolicyOwnerKind.USER, "ann", READ_ONLY);
        f.boundaries().putUserPermissionsBoundary(ACCOUNT, "ann", mine);
        assertThat(names(PolicyListings.Scope.ALL, true, null, PageRequest.first())).containsExactly(READ_ONLY);
        assertThat(names(PolicyListings.Scope.ALL, false, PolicyListings.Usage.PERMISSIONS_BOUNDARY,
                PageRequest.first())).containsExactly(mine);
        assertThat(names(PolicyListings.Scope.LOCAL, true, null, PageRequest.first())).isEmpty();
        Page<PolicyInfo> attached = listings.listPolicies(ACCOUNT, PolicyListings.Scope.AWS, true, null,
                PageRequest.first());
        assertThat(attached.items().get(0).usage().attachmentCount()).isEqualTo(1);
    }

    @Test
    void listEntitiesForPolicy_answersUsersGroupsAndRoles_filteredByKindPathAndUsage() {
        String arn = f.createPolicy("Shared", "/").policy().arn();
        f.createUser("ann");
        f.createUser("bob");
        f.createGroup("devs");
        f.createRole("ops");
        f.attachments().attach(ACCOUNT, PolicyOwnerKind.USER, "ann", arn);
        f.attachments().attach(ACCOUNT, PolicyOwnerKind.GROUP, "devs", arn);
        f.attachments().attach(ACCOUNT, PolicyOwnerKind.ROLE, "ops", arn);
        f.boundaries().putUserPermissionsBoundary(ACCOUNT, "bob", arn);

        PolicyListings.Entities all = listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null), null,
                PageRequest.first());
        assertThat(all.users()).extracting(PolicyEntity::name).containsExactly("ann", "bob");
        assertThat(all.groups()).extracting(PolicyEntity::name).containsExactly("devs");
        assertThat(all.roles()).extracting(PolicyEntity::name).containsExactly("ops");
        assertThat(listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds("Role"), null,
                PageRequest.first()).users()).isEmpty();
        for (String policyKind : new String[] {"LocalManagedPolicy", "AWSManagedPolicy"}) {
            PolicyListings.Entities none = listings.listEntitiesForPolicy(ACCOUNT, arn,
                    PolicyListings.kinds(policyKind), null, PageRequest.first());
            assertThat(none.users()).as(policyKind).isEmpty();
            assertThat(none.groups()).as(policyKind).isEmpty();
            assertThat(none.roles()).as(policyKind).isEmpty();
        }
        assertThat(listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null),
                PolicyListings.Usage.PERMISSIONS_BOUNDARY, PageRequest.first()).users())
                .extracting(PolicyEntity::name).containsExactly("bob");
        assertThat(listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null),
                PolicyListings.Usage.PERMISSIONS_POLICY, PageRequest.first()).users())
                .extracting(PolicyEntity::name).containsExactly("ann");
        PolicyListings.Entities first = listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null),
                null, PageRequest.of(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.users()).extracting(PolicyEntity::name).containsExactly("ann", "bob");
        PolicyListings.Entities rest = listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null),
                null, PageRequest.of(2).after(first.nextMarker()));
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.groups()).hasSize(1);
        assertThat(rest.roles()).hasSize(1);
    }

    @Test
    void listEntitiesForAMissingPolicy_isNoSuchEntity() {
        String arn = "arn:aws:iam::123456789012:policy/Nope";
        assertIamError(() -> listings.listEntitiesForPolicy(ACCOUNT, arn, PolicyListings.kinds(null), null,
                PageRequest.first()), "NoSuchEntity", "Policy " + arn + " was not found.");
    }

    @Test
    void aMarkerThatIsNotOurs_isInvalidInput() {
        assertIamError(() -> listings.listPolicies(ACCOUNT, PolicyListings.Scope.ALL, false, null,
                new PageRequest("/", "bogus!", 10)), "InvalidInput", null);
    }
}
