package io.sigil.server.api.iam;

import io.sigil.iam.model.ServiceCredentialSecret;
import io.sigil.iam.service.CredentialServices;
import io.sigil.iam.service.ServiceSpecificCredentialService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateServiceSpecificCredentialRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceSpecificCredentialResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceSpecificCredentialRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceSpecificCredentialResponse;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsRequest;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.ResetServiceSpecificCredentialRequest;
import software.amazon.awssdk.services.iam.model.ResetServiceSpecificCredentialResponse;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredential;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.UpdateServiceSpecificCredentialRequest;
import software.amazon.awssdk.services.iam.model.UpdateServiceSpecificCredentialResponse;

/**
 * The service-specific credential operations on the wire (IAM API Reference; the rules are
 * {@link ServiceSpecificCredentialService}'s). Create and Reset answer the password ({@code ServicePassword}) or, for
 * an API key, the secret ({@code ServiceCredentialSecret}): "This is the only time that the password for this
 * credential set is available." List answers metadata without either.
 */
public final class ServiceSpecificCredentialsApi implements ApiModule {

    private final ServiceSpecificCredentialService credentials;

    public ServiceSpecificCredentialsApi(ServiceSpecificCredentialService credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateServiceSpecificCredentialRequest.class, this::create)
                .on(ListServiceSpecificCredentialsRequest.class, this::list)
                .on(ResetServiceSpecificCredentialRequest.class, this::reset)
                .on(UpdateServiceSpecificCredentialRequest.class, this::update)
                .on(DeleteServiceSpecificCredentialRequest.class, this::delete);
    }

    CreateServiceSpecificCredentialResponse create(CreateServiceSpecificCredentialRequest r, CallContext call) {
        ServiceCredentialSecret created = credentials.create(call.principal(), r.userName(), r.serviceName(),
                r.credentialAgeDays());
        return CreateServiceSpecificCredentialResponse.builder()
                .serviceSpecificCredential(withSecret(created, credentials.now())).build();
    }

    ListServiceSpecificCredentialsResponse list(ListServiceSpecificCredentialsRequest r, CallContext call) {
        Page<io.sigil.iam.model.ServiceSpecificCredential> page = credentials.list(call.principal(), r.userName(),
                r.serviceName(), Boolean.TRUE.equals(r.allUsers()), Paging.of(r.marker(), r.maxItems()));
        Instant now = credentials.now();
        return ListServiceSpecificCredentialsResponse.builder()
                .serviceSpecificCredentials(page.items().stream().map(c -> metadata(c, now)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    ResetServiceSpecificCredentialResponse reset(ResetServiceSpecificCredentialRequest r, CallContext call) {
        ServiceCredentialSecret reset = credentials.reset(call.principal(), r.userName(),
                r.serviceSpecificCredentialId());
        return ResetServiceSpecificCredentialResponse.builder()
                .serviceSpecificCredential(withSecret(reset, credentials.now())).build();
    }

    UpdateServiceSpecificCredentialResponse update(UpdateServiceSpecificCredentialRequest r, CallContext call) {
        credentials.updateStatus(call.principal(), r.userName(), r.serviceSpecificCredentialId(),
                CredentialStatus.settable(r.statusAsString()));
        return UpdateServiceSpecificCredentialResponse.builder().build();
    }

    DeleteServiceSpecificCredentialResponse delete(DeleteServiceSpecificCredentialRequest r, CallContext call) {
        credentials.delete(call.principal(), r.userName(), r.serviceSpecificCredentialId());
        return DeleteServiceSpecificCredentialResponse.builder().build();
    }

    private static ServiceSpecificCredential withSecret(ServiceCredentialSecret s, Instant now) {
        io.sigil.iam.model.ServiceSpecificCredential c = s.credential();
        boolean apiKey = CredentialServices.byName(c.serviceName()).map(CredentialServices::apiKey).orElse(false);
        ServiceSpecificCredential.Builder b = ServiceSpecificCredential.builder()
                .createDate(c.createDate())
                .expirationDate(c.expirationDate())
                .serviceName(c.serviceName())
                .serviceSpecificCredentialId(c.id())
                .userName(c.userName())
                .status(c.statusAt(now));
        if (apiKey) {
            b.serviceCredentialAlias(c.serviceCredentialAlias()).serviceCredentialSecret(s.secret());
        } else {
            b.serviceUserName(c.serviceUserName()).servicePassword(s.secret());
        }
        return b.build();
    }

    private static ServiceSpecificCredentialMetadata metadata(io.sigil.iam.model.ServiceSpecificCredential c,
            Instant now) {
        return ServiceSpecificCredentialMetadata.builder()
                .userName(c.userName())
                .status(c.statusAt(now))
                .serviceUserName(c.serviceUserName())
                .serviceCredentialAlias(c.serviceCredentialAlias())
                .createDate(c.createDate())
                .expirationDate(c.expirationDate())
                .serviceSpecificCredentialId(c.id())
                .serviceName(c.serviceName())
                .build();
    }
}
