package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.ServerCertificate;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.error.IamException;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Server certificates (IAM API Reference: UploadServerCertificate, GetServerCertificate, ListServerCertificates,
 * UpdateServerCertificate, DeleteServerCertificate, TagServerCertificate, UntagServerCertificate,
 * ListServerCertificateTags; spec §1.9, §10 H84).
 *
 * <p>What an upload must satisfy is {@link ServerCertificateChecks}'. The private key is sealed by the store and no
 * operation returns it. A path may be any IAM path; "If you are uploading a server certificate specifically for use
 * with Amazon CloudFront distributions, you must specify a path using the path parameter. The path must begin with
 * /cloudfront and must include a trailing slash (for example, /cloudfront/test/)" — a rule of CloudFront's, so any
 * valid path is stored as given.
 */
public final class ServerCertificateService {

    /** "If it is not included, it defaults to a slash (/)." (UploadServerCertificate › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;
    private final Limits limits;

    public ServerCertificateService(Store store, Clock clock, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** An UploadServerCertificate request. @param path null for {@code /}; @param chain null for none */
    public record Upload(String name, String path, String body, String privateKey, String chain, List<Tag> tags) {

        public Upload {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(privateKey, "privateKey");
            tags = List.copyOf(tags == null ? List.of() : tags);
        }

        @Override
        public String toString() {
            return "Upload[" + name + ", privateKey=HIDDEN]";
        }
    }

    /**
     * UploadServerCertificate. "If any one of the tags is invalid or if you exceed the allowed maximum number of
     * tags, then the entire request fails and the resource is not created."
     *
     * @throws IamException MalformedCertificate, KeyPairMismatch ({@link ServerCertificateChecks}); EntityAlreadyExists
     *     "The Server Certificate with name X already exists."; LimitExceeded "Cannot exceed quota for
     *     ServerCertificatesPerAccount: 20"; InvalidInput for tags
     */
    public ServerCertificate upload(String accountId, Upload upload) {
        TagRules.requireNoReservedPrefix(upload.tags());
        if (upload.tags().size() > limits.tagsPerEntity()) {
            throw IamException.quotaExceeded("TagsPerServerCertificate", limits.tagsPerEntity());
        }
        Instant now = clock.instant();
        X509Certificate cert = ServerCertificateChecks.check(upload.body(), upload.privateKey(), upload.chain(), now);
        String chain = upload.chain() == null || upload.chain().isBlank() ? null : asStored(upload.chain());
        ServerCertificate record = new ServerCertificate(accountId, upload.name(),
                upload.path() == null ? DEFAULT_PATH : upload.path(), Ids.serverCertificateId(),
                asStored(upload.body()), chain, now.truncatedTo(ChronoUnit.SECONDS), cert.getNotAfter().toInstant(),
                upload.tags(), 0);
        return store.inTransaction(tx -> tx.serverCertificates().create(record, upload.privateKey()));
    }

    /**
     * The PEM text as AWS keeps and answers it: with LF line breaks and without the surrounding whitespace, so that
     * a file's final newline or CRLF breaks do not come back. Terraform's AWS provider relies on it: it stores the
     * body trimmed and, when GetServerCertificate answers otherwise, replaces the certificate at every plan
     * (hashicorp/terraform-provider-aws#1215: the churn that CRLF bodies still see).
     */
    static String asStored(String pem) {
        return pem.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** GetServerCertificate: metadata, body, chain and tags; never the private key. */
    public ServerCertificate get(String accountId, String name) {
        return store.read(tx -> tx.serverCertificates().get(accountId, name));
    }

    /** ListServerCertificates: by path prefix, ordered by name. */
    public Page<ServerCertificate> list(String accountId, PageRequest page) {
        return store.read(tx -> tx.serverCertificates().list(accountId, page));
    }

    /**
     * UpdateServerCertificate: "Updates the name and/or the path of the specified server certificate"; with
     * neither, the certificate is left as it is.
     */
    public ServerCertificate update(String accountId, String name, String newName, String newPath) {
        return store.inTransaction(tx -> {
            ServerCertificate cert = tx.serverCertificates().lock(accountId, name);
            if (newName == null && newPath == null) {
                return cert;
            }
            return tx.serverCertificates().update(cert.renamed(newName == null ? cert.name() : newName,
                    newPath == null ? cert.path() : newPath));
        });
    }

    /** DeleteServerCertificate. */
    public void delete(String accountId, String name) {
        store.write(tx -> tx.serverCertificates().delete(accountId, name));
    }

    /** TagServerCertificate: "If a tag with the same key name already exists, then that tag is overwritten". */
    public void tag(String accountId, String name, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.SERVER_CERTIFICATE, name, List.copyOf(tags)));
    }

    /** UntagServerCertificate: keys the certificate does not have are ignored. */
    public void untag(String accountId, String name, List<String> keys) {
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.SERVER_CERTIFICATE, name, List.copyOf(keys)));
    }

    /** ListServerCertificateTags: "The returned list of tags is sorted by tag key." */
    public Page<Tag> listTags(String accountId, String name, PageRequest page) {
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.SERVER_CERTIFICATE, name, page));
    }
}
