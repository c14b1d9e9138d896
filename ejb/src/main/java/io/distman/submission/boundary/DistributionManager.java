package io.distman.submission.boundary;

import io.distman.account.boundary.AccountIds;
import io.distman.identity.boundary.SenderCheck;
import io.distman.message.boundary.MessageQueries;
import io.distman.message.entity.MessageView;
import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.control.SubmissionLimits;
import io.distman.submission.control.SubmissionValidator;
import io.distman.submission.control.Submitter;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** The Distribution Manager's front door, for Java callers (local and remote) and the REST API alike. */
@Stateless
public class DistributionManager implements DistributionManagerLocal, DistributionManagerRemote {

    @Inject
    AccountIds accountIds;

    @Inject
    Submitter submitter;

    @Inject
    SenderCheck senders;

    @Inject
    MessageQueries queries;

    @Inject
    DeliveryActions actions;

    @Inject
    Clock clock;

    @Override
    public SubmitReceipt submit(SubmitRequest request) {
        List<FieldError> errors = SubmissionValidator.check(request, SubmissionLimits.fromSettings(), clock.instant());
        if (!errors.isEmpty()) {
            throw new SubmissionRejectedException(errors);
        }
        long accountId = accountIds.idOf(request.account().strip()).orElseThrow(() ->
                new SubmissionRejectedException(List.of(new FieldError("account", "no account '" + request.account() + "'"))));
        return submitter.earlier(accountId, request.idempotencyKey())
                .orElseGet(() -> submitter.store(accountId, checkedSender(accountId, request)));
    }

    /**
     * Refuses mail From outside the account's verified identities before anything is stored. After the
     * idempotency look-up: a repeat of mail already accepted gets its receipt, whatever changed since.
     */
    private SubmitRequest checkedSender(long accountId, SubmitRequest request) {
        senders.refusal(accountId, request.sender().address()).ifPresent(reason -> {
            throw new SubmissionRejectedException(List.of(new FieldError("sender.address", reason)));
        });
        return request;
    }

    @Override
    public MessageView message(String account, long messageId) {
        return queries.view(accountId(account), messageId).orElseThrow(() -> new NotFoundException("No message " + messageId));
    }

    @Override
    public DeliveryReceipt cancel(String account, long deliveryId, String user) {
        return Submitter.receipt(actions.cancel(accountId(account), deliveryId, user));
    }

    @Override
    public DeliveryReceipt resend(String account, long deliveryId, String correctedAddress, String user) {
        return Submitter.receipt(actions.resend(accountId(account), deliveryId, correctedAddress, user));
    }

    private long accountId(String code) {
        return accountIds.idOf(code == null ? null : code.strip())
                .orElseThrow(() -> new NotFoundException("No account " + code));
    }
}
