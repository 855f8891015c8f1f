package io.sigil.server.api.iam;

import io.sigil.iam.service.AccountService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;

/**
 * CreateAccountAlias, DeleteAccountAlias, ListAccountAliases and GetAccountSummary on the wire (IAM API Reference).
 * Each acts on the caller's account.
 */
public final class AccountApi implements ApiModule {

    private final AccountService accounts;

    public AccountApi(AccountService accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateAccountAliasRequest.class, this::createAlias)
                .on(DeleteAccountAliasRequest.class, this::deleteAlias)
                .on(ListAccountAliasesRequest.class, this::listAliases)
                .on(GetAccountSummaryRequest.class, this::summary);
    }

    CreateAccountAliasResponse createAlias(CreateAccountAliasRequest r, CallContext call) {
        accounts.createAlias(call.accountId(), r.accountAlias());
        return CreateAccountAliasResponse.builder().build();
    }

    DeleteAccountAliasResponse deleteAlias(DeleteAccountAliasRequest r, CallContext call) {
        accounts.deleteAlias(call.accountId(), r.accountAlias());
        return DeleteAccountAliasResponse.builder().build();
    }

    /** "AccountAliases: A list of aliases associated with the account"; empty, not absent, when there is none. */
    ListAccountAliasesResponse listAliases(ListAccountAliasesRequest r, CallContext call) {
        Page<String> page = accounts.listAliases(call.accountId(), Paging.of(r.marker(), r.maxItems()));
        return ListAccountAliasesResponse.builder().accountAliases(page.items()).isTruncated(page.isTruncated())
                .marker(page.nextMarker()).build();
    }

    GetAccountSummaryResponse summary(GetAccountSummaryRequest r, CallContext call) {
        return GetAccountSummaryResponse.builder().summaryMapWithStrings(accounts.summary(call.accountId())).build();
    }
}
