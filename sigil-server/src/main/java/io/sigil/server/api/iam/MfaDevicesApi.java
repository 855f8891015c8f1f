package io.sigil.server.api.iam;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AssignmentStatus;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.service.MfaService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDeviceTagsRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDeviceTagsResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.TagMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.TagMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.UntagMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.UntagMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The virtual MFA operations on the wire (IAM API Reference; rules in {@link MfaService}). {@code Base32StringSeed}
 * and {@code QRCodePNG} are blobs in the model, so the Query codec writes them in base64: the seed as the base64 of
 * its base32 text ("The Base32StringSeed is base32-encoded"), the QR code as the base64 of the PNG. Listed devices
 * carry SerialNumber and, when assigned, the User and EnableDate, never tags or seeds ("this operation does not
 * return tags", ListVirtualMFADevices); a bad Marker answers ValidationError "Invalid Marker." as AWS does there.
 */
public final class MfaDevicesApi implements ApiModule {

    private final MfaService mfa;

    public MfaDevicesApi(MfaService mfa) {
        this.mfa = Objects.requireNonNull(mfa, "mfa");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateVirtualMfaDeviceRequest.class, this::create)
                .on(EnableMfaDeviceRequest.class, this::enable)
                .on(ResyncMfaDeviceRequest.class, this::resync)
                .on(DeactivateMfaDeviceRequest.class, this::deactivate)
                .on(DeleteVirtualMfaDeviceRequest.class, this::delete)
                .on(ListMfaDevicesRequest.class, this::listForUser)
                .on(ListVirtualMfaDevicesRequest.class, this::listVirtual)
                .on(GetMfaDeviceRequest.class, this::get)
                .on(TagMfaDeviceRequest.class, this::tag)
                .on(UntagMfaDeviceRequest.class, this::untag)
                .on(ListMfaDeviceTagsRequest.class, this::listTags);
    }

    CreateVirtualMfaDeviceResponse create(CreateVirtualMfaDeviceRequest r, CallContext call) {
        MfaService.CreatedDevice created = mfa.create(call.accountId(), r.virtualMFADeviceName(), r.path(),
                IamModelMapper.fromSdkTags(r.tags()));
        var b = VirtualMFADevice.builder().serialNumber(created.device().serialNumber())
                .base32StringSeed(SdkBytes.fromUtf8String(created.base32StringSeed()))
                .qrCodePNG(SdkBytes.fromByteArray(created.qrCodePng()));
        if (!created.device().tags().isEmpty()) {
            b.tags(IamModelMapper.tags(created.device().tags()));
        }
        return CreateVirtualMfaDeviceResponse.builder().virtualMFADevice(b.build()).build();
    }

    EnableMfaDeviceResponse enable(EnableMfaDeviceRequest r, CallContext call) {
        mfa.enable(call.accountId(), r.userName(), r.serialNumber(), r.authenticationCode1(), r.authenticationCode2());
        return EnableMfaDeviceResponse.builder().build();
    }

    ResyncMfaDeviceResponse resync(ResyncMfaDeviceRequest r, CallContext call) {
        mfa.resync(call.accountId(), r.userName(), r.serialNumber(), r.authenticationCode1(), r.authenticationCode2());
        return ResyncMfaDeviceResponse.builder().build();
    }

    DeactivateMfaDeviceResponse deactivate(DeactivateMfaDeviceRequest r, CallContext call) {
        mfa.deactivate(call.principal(), r.userName(), r.serialNumber());
        return DeactivateMfaDeviceResponse.builder().build();
    }

    DeleteVirtualMfaDeviceResponse delete(DeleteVirtualMfaDeviceRequest r, CallContext call) {
        mfa.delete(call.accountId(), r.serialNumber());
        return DeleteVirtualMfaDeviceResponse.builder().build();
    }

    ListMfaDevicesResponse listForUser(ListMfaDevicesRequest r, CallContext call) {
        Page<VirtualMfaDevice> page = mfa.listForUser(call.principal(), r.userName(),
                Paging.of(r.marker(), r.maxItems()));
        return ListMfaDevicesResponse.builder()
                .mfaDevices(page.items().stream().map(d -> MFADevice.builder().userName(d.user().name())
                        .serialNumber(d.serialNumber()).enableDate(d.enableDate()).build()).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    ListVirtualMfaDevicesResponse listVirtual(ListVirtualMfaDevicesRequest r, CallContext call) {
        String s = r.assignmentStatusAsString();
        AssignmentStatus status = s == null ? AssignmentStatus.ANY : AssignmentStatus.valueOf(s.toUpperCase(Locale.ROOT));
        Page<VirtualMfaDevice> page = invalidMarkerAsValidationError(() -> mfa.listVirtual(call.accountId(), status,
                Paging.of(r.marker(), r.maxItems())));
        return ListVirtualMfaDevicesResponse.builder()
                .virtualMFADevices(page.items().stream().map(MfaDevicesApi::listed).toList())
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    GetMfaDeviceResponse get(GetMfaDeviceRequest r, CallContext call) {
        VirtualMfaDevice d = mfa.get(call.principal(), r.userName(), r.serialNumber());
        return GetMfaDeviceResponse.builder().userName(d.user().name()).serialNumber(d.serialNumber())
                .enableDate(d.enableDate()).build();
    }

    TagMfaDeviceResponse tag(TagMfaDeviceRequest r, CallContext call) {
        mfa.tag(call.accountId(), r.serialNumber(), IamModelMapper.fromSdkTags(r.tags()));
        return TagMfaDeviceResponse.builder().build();
    }

    UntagMfaDeviceResponse untag(UntagMfaDeviceRequest r, CallContext call) {
        mfa.untag(call.accountId(), r.serialNumber(), r.tagKeys());
        return UntagMfaDeviceResponse.builder().build();
    }

    ListMfaDeviceTagsResponse listTags(ListMfaDeviceTagsRequest r, CallContext call) {
        Page<Tag> page = mfa.listTags(call.accountId(), r.serialNumber(), Paging.of(r.marker(), r.maxItems()));
        return ListMfaDeviceTagsResponse.builder().tags(IamModelMapper.tags(page.items()))
                .isTruncated(page.isTruncated()).marker(page.nextMarker()).build();
    }

    private static VirtualMFADevice listed(VirtualMfaDevice d) {
        var b = VirtualMFADevice.builder().serialNumber(d.serialNumber());
        if (d.isAssigned()) {
            b.user(IamModelMapper.listedUser(d.user())).enableDate(d.enableDate());
        }
        return b.build();
    }

    private static <T> T invalidMarkerAsValidationError(Supplier<T> call) {
        try {
            return call.get();
        } catch (IamException e) {
            if (e.errorCode() == ErrorCode.INVALID_INPUT && e.safeMessage().startsWith("Invalid Marker")) {
                throw IamException.validationError("Invalid Marker.");
            }
            throw e;
        }
    }
}
