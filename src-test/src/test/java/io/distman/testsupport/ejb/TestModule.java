package io.distman.testsupport.ejb;

import io.distman.message.entity.MessageView;
import io.distman.submission.boundary.DistributionManagerLocal;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The tests' back-office module: the service's local view, called as the module principal {@value #PRINCIPAL},
 * which {@link Fixtures#newAccount} grants every test account. Tests that submit mail use this, as a real
 * module in the server would call with its own identity; tests of the caller checks use {@link AsCaller}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // the service's own transactions, as for a real caller
public class TestModule {

    public static final String PRINCIPAL = "distman-test-module";

    @EJB
    DistributionManagerLocal service;

    @EJB
    AsCaller as;

    public SubmitReceipt submit(SubmitRequest request) {
        return call(() -> service.submit(request));
    }

    public java.util.List<SubmitReceipt> submitAll(String account, java.util.List<SubmitRequest> requests) {
        return call(() -> service.submitAll(account, requests));
    }

    public MessageView message(String account, long messageId) {
        return call(() -> service.message(account, messageId));
    }

    public DeliveryReceipt cancel(String account, long deliveryId, String onBehalfOf) {
        return call(() -> service.cancel(account, deliveryId, onBehalfOf));
    }

    public DeliveryReceipt resend(String account, long deliveryId, String correctedAddress, String onBehalfOf) {
        return call(() -> service.resend(account, deliveryId, correctedAddress, onBehalfOf));
    }

    private <T> T call(Callable<T> work) {
        try {
            return as.call(PRINCIPAL, Set.of(), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
