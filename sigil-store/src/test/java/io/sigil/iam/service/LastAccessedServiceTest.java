package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LastAccessedService with a fixed clock: tracking period, subjects, and its errors (spec §5.7). */
class LastAccessedServiceTest {

    private static final String IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private LastAccessedService service;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        service = new LastAccessedService(fx.store, fx.clock, null);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void allow(User u, String... actions) {
        String list = String.join("\",\"", actions);
        fx.store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.USER, u.name(), "p",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"" + list
                        + "\"],\"Resource\":\"*\"}]}")));
    }

    private void used(User u, String namespace, String action, Instant when) {
        fx.store.write(tx -> tx.accessRecords().record(new AccessRecord(ACCOUNT, PolicyOwnerKind.USER, u.id(),
                u.arn(), namespace, action, when, "us-east-1")));
    }

    private Map<String, LastAccessedReport.Service> report(String arn) {
        String jobId = service.generate(root(), arn, null);
        return service.get(root(), jobId).report().services().stream()
                .collect(Collectors.toMap(LastAccessedReport.Service::namespace, Function.identity()));
    }

    @Test
    void attemptsOlderThanTheFourHundredDayTrackingPeriod_areNotReported() {
        User u = fx.user("old-timer");
        allow(u, "iam:GetUser", "s3:ListAllMyBuckets");
        used(u, "iam", "GetUser", NOW.minus(Duration.ofDays(401)));
        used(u, "s3", "ListAllMyBuckets", NOW.minus(Duration.ofDays(399)));

        Map<String, LastAccessedReport.Service> s = report(u.arn());

        assertThat(s.get("iam").lastAuthenticated()).isNull();
        assertThat(s.get("s3").lastAuthenticated()).isEqualTo(NOW.minus(Duration.ofDays(399)));
    }

    @Test
    void aManagedPolicyAttachedToAGroup_countsEveryMemberThatAttempted_andNamesTheLatest() {
        User a = fx.user("a");
        User b = fx.user("b");
        fx.group("readers");
        fx.store.write(tx -> {
            tx.groups().addUser(ACCOUNT, "readers", "a");
            tx.groups().addUser(ACCOUNT, "readers", "b");
            tx.managedPolicies().attach(ACCOUNT, PolicyOwnerKind.GROUP, "readers", IAM_READ_ONLY);
        });
        used(a, "iam", "GetUser", NOW.minusSeconds(60));
        used(b, "iam", "ListUsers", NOW.minusSeconds(30));

        LastAccessedReport.Service iam = report(IAM_READ_ONLY).get("iam");

        assertThat(iam.totalAuthenticatedEntities()).isEqualTo(2);
        assertThat(iam.lastEntityArn()).isEqualTo(b.arn());
        assertThat(iam.lastAuthenticated()).isEqualTo(NOW.minusSeconds(30));
    }

    @Test
    void aUserCreatedAgainUnderTheSameName_startsWithoutTheOldUsersHistory() {
        User first = fx.user("again");
        used(first, "iam", "GetUser", NOW.minusSeconds(60));
        fx.store.write(tx -> tx.users().delete(ACCOUNT, "again"));
        User second = fx.user("again");
        allow(second, "iam:GetUser");

        assertThat(report(second.arn()).get("iam").lastAuthenticated()).isNull();
    }

    @Test
    void anEntityWithoutPermissionsPolicies_hasAnEmptyReport() {
        User u = fx.user("bare");
        used(u, "iam", "GetUser", NOW);

        assertThat(report(u.arn())).isEmpty();
    }

    @Test
    void anArnOfAnotherAccount_isNoSuchEntity_andAnUnknownGranularityInvalidInput() {
        User u = fx.user("mine");
        assertIamError(() -> service.generate(root(), "arn:aws:iam::210987654321:user/mine", null), "NoSuchEntity",
                "The user with name mine cannot be found.");
        assertIamError(() -> service.generate(root(), u.arn(), "HOURLY"), "InvalidInput",
                "Invalid granularity: HOURLY");
        assertIamError(() -> service.generate(root(), "arn:aws:s3:::bucket/x", null), "InvalidInput",
                "ARN arn:aws:s3:::bucket/x is not valid.");
    }

    @Test
    void policiesGranting_answersEveryNamespaceAskedForInTheOrderAsked() {
        User u = fx.user("lister");
        allow(u, "s3:GetObject");

        Map<String, List<AccessSubject.GrantingPolicy>> r = service.policiesGranting(root(), u.arn(),
                List.of("sts", "S3"));

        assertThat(r.keySet()).containsExactly("sts", "S3");
        assertThat(r.get("sts")).isEmpty();
        assertThat(r.get("S3")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("p");
            assertThat(p.inline()).isTrue();
            assertThat(p.ownerKind()).isEqualTo(PolicyOwnerKind.USER);
        });
    }
}
