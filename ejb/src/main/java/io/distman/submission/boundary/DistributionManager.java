package io.distman.submission.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.Caller;
import io.distman.message.boundary.MessageQueries;
import io.distman.message.entity.MessageView;
import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.control.BatchSubmitter;
import io.distman.submission.control.Submitter;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Distribution Manager's front door, for modules in this server (local view) and the REST API alike.
 * There is no remote (IIOP) view: modules in other JVMs use the REST API with an API key.
 *
 * <p>Who may call is data, not a deployment role: every method resolves the account a request names against
 * the authenticated caller ({@link Callers}: an API key's account, a module principal's granted accounts, a
 * user's own), so an anonymous caller, or one naming another agency, is refused before anything is read.
 */
@Stateless
@PermitAll // the per-account check in each method is the authorization; a role could not say which accounts
public class DistributionManager implements DistributionManagerLocal {

    private static final int MAX_PERSON = 100;

    @Inject
    Callers callers;

    @Inject
    Submitter submitter;

    @Inject
    BatchSubmitter batches;


    @Inject
    MessageQueries queries;

    @Inject
    DeliveryActions actions;

    @Override
    public SubmitReceipt submit(SubmitRequest request) {
        Caller caller = callers.current();
        if (caller.accounts().isEmpty()) {
            throw new AccountAccessDeniedException(caller.actor(), request == null ? "" : String.valueOf(request.account()));
        }
        if (request == null || request.account() == null || request.account().isBlank()) {
            throw new SubmissionRejectedException(List.of(new FieldError("account", "is required")));
        }
        return submitter.accept(callers.accountFor(caller, request.account()), request, caller.actor());
    }

    @Override
    public List<SubmitReceipt> submitAll(String account, List<SubmitRequest> requests) {
        Caller caller = callers.current();
        if (caller.accounts().isEmpty()) {
            throw new AccountAccessDeniedException(caller.actor(), account == null ? "" : account);
        }
        if (account == null || account.isBlank()) {
            throw new SubmissionRejectedException(List.of(new FieldError("account", "is required")));
        }
        long accountId = callers.accountFor(caller, account);
        List<FieldError> elsewhere = new ArrayList<>();
        for (int i = 0; requests != null && i < requests.size(); i++) {
            SubmitRequest request = requests.get(i);
            if (request != null && request.account() != null && !request.account().equals(account)) {
                elsewhere.add(new FieldError("messages[" + i + "].account", "is not the batch's account " + account));
            }
        }
        if (!elsewhere.isEmpty()) {
            throw new SubmissionRejectedException(elsewhere);
        }
        return batches.acceptAll(accountId, requests == null ? null
                : requests.stream().map(r -> r == null ? null : r.withAccount(account)).toList(), caller.actor());
    }

    @Override
    public MessageView message(String account, long messageId) {
        return queries.view(callers.accountFor(callers.current(), account), messageId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId));
    }

    @Override
    public DeliveryReceipt cancel(String account, long deliveryId, String onBehalfOf) {
        Caller caller = callers.current();
        return Submitter.receipt(actions.cancel(callers.accountFor(caller, account), deliveryId, caller.actorFor(person(onBehalfOf))));
    }

    @Override
    public DeliveryReceipt resend(String account, long deliveryId, String correctedAddress, String onBehalfOf) {
        Caller caller = callers.current();
        return Submitter.receipt(actions.resend(callers.accountFor(caller, account), deliveryId, correctedAddress,
                caller.actorFor(person(onBehalfOf))));
    }

    /** The person a caller says it acts for goes into the timeline: a short name, or refused. */
    private static String person(String onBehalfOf) {
        if (onBehalfOf != null && onBehalfOf.strip().length() > MAX_PERSON) {
            throw new SubmissionRejectedException(List.of(new FieldError("user", "is longer than " + MAX_PERSON + " characters")));
        }
        return onBehalfOf;
    }
}
