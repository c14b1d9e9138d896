package io.distman.submission.boundary;

import io.distman.submission.control.Submitter;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The application's own mail to its users (notifications, daily summaries): queued like any other mail, for
 * the account the application's own rows name. Its callers run without a caller identity (timers,
 * after-commit work), so there is no principal to check: the account id comes from our data, never from a
 * request. Modules use {@link DistributionManagerLocal}, which checks the caller.
 */
@Stateless
@PermitAll // only the application's own code holds the account id it passes; see above
public class ApplicationMail {

    @Inject
    Submitter submitter;

    public SubmitReceipt submit(long accountId, SubmitRequest request) {
        return submitter.acceptOwnMail(accountId, request);
    }
}
