package io.distman.account.boundary;

import io.distman.account.entity.Account;
import jakarta.enterprise.context.RequestScoped;

/** The account a REST request was authenticated as; set by {@link ApiKeyFilter}. */
@RequestScoped
public class ApiCaller {

    private Long accountId;
    private String accountCode;

    void authenticated(Account account) {
        this.accountId = account.getId();
        this.accountCode = account.getCode();
    }

    public long accountId() {
        return accountId;
    }

    public String accountCode() {
        return accountCode;
    }
}
