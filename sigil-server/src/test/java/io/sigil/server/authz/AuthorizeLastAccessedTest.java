package io.sigil.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;

/**
 * Decisions of the authorization API count for last accessed data like Sigil's own IAM calls (IAM User Guide,
 * "Refine permissions in AWS using last accessed information": every attempt, allowed or denied, in the region of
 * the request): a widget service asks /_sigil/authorize, and the caller's access advisor report shows it.
 */
class AuthorizeLastAccessedTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;

    private static SigilTestServer server;
    private static IamClient root;
    private static WidgetService widgets;
    private static Instant started;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        root = server.rootIam();
        started = Instant.now().minusSeconds(1);
        root.createUser(r -> r.userName("widget-svc"));
        root.putUserPolicy(r -> r.userName("widget-svc").policyName("p")
                .policyDocument(AuthorizeApiTest.allow("sigil:Authorize", "*")));
        var k = root.createAccessKey(r -> r.userName("widget-svc")).accessKey();
        widgets = new WidgetService(server.endpoint(), new Signing.Key(k.accessKeyId(), k.secretAccessKey()));
        widgets.put("w1", ACCT, null);
    }

    @AfterAll
    static void stop() {
        widgets.close();
        root.close();
        server.close();
    }

    private static Signing.Key user(String name, String policy) {
        root.createUser(r -> r.userName(name));
        if (policy != null) {
            root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        }
        var k = root.createAccessKey(r -> r.userName(name)).accessKey();
        return new Signing.Key(k.accessKeyId(), k.secretAccessKey());
    }

    private static HttpResponse<String> get(String widget, Signing.Key key) {
        return Signing.send("GET", widgets.endpoint().resolve("/widgets/" + widget), new byte[0], null, key,
                "widgets", WidgetService.REGION);
    }

    private static Map<String, ServiceLastAccessed> report(String user) {
        String jobId = root.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::" + ACCT + ":user/" + user))
                .jobId();
        GetServiceLastAccessedDetailsResponse r = root.getServiceLastAccessedDetails(q -> q.jobId(jobId));
        return r.servicesLastAccessed().stream()
                .collect(Collectors.toMap(ServiceLastAccessed::serviceNamespace, Function.identity()));
    }

    @Test
    void anAllowedRequestToAnotherService_isTheCallersLastAccessOfThatService_inTheRequestsRegion() {
        Signing.Key carol = user("carol", AuthorizeApiTest.allow("widgets:GetWidget", "*"));

        assertThat(get("w1", carol).statusCode()).isEqualTo(200);

        ServiceLastAccessed w = report("carol").get("widgets");
        assertThat(w.serviceName()).as("a service the reference does not name is shown by its prefix")
                .isEqualTo("widgets");
        assertThat(w.lastAuthenticated()).isBetween(started, Instant.now().plusSeconds(1));
        assertThat(w.lastAuthenticatedEntity()).isEqualTo("arn:aws:iam::" + ACCT + ":user/carol");
        assertThat(w.lastAuthenticatedRegion()).isEqualTo(WidgetService.REGION);
    }

    @Test
    void aDeniedRequest_countsAsAnAttemptToo() {
        Signing.Key dave = user("dave", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"widgets:GetWidget\",\"Resource\":\"arn:aws:widgets:*:" + ACCT + ":widget/other\"}]}");

        assertThat(get("w1", dave).statusCode()).isEqualTo(403);

        assertThat(report("dave").get("widgets").lastAuthenticated()).isNotNull();
    }
}
