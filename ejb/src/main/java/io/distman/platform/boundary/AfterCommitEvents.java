package io.distman.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires CDI events once the current transaction has committed, and never if it rolls back. Plain
 * {@code @Observes} methods of the host therefore only ever see what is really in the database,
 * without having to know about transaction phases.
 */
@ApplicationScoped
public class AfterCommitEvents {

    private static final Logger LOG = Logger.getLogger(AfterCommitEvents.class.getName());
    private static final Object KEY = AfterCommitEvents.class;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    Event<Object> events;

    public void fire(Object event) {
        if (registry.getTransactionKey() == null) {
            deliver(List.of(event));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> pending = (List<Object>) registry.getResource(KEY);
        if (pending == null) {
            List<Object> batch = new ArrayList<>();
            registry.putResource(KEY, batch);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        deliver(batch);
                    }
                }
            });
            pending = batch;
        }
        pending.add(event);
    }

    private void deliver(List<Object> batch) {
        for (Object event : batch) {
            try {
                events.fire(event);
            } catch (RuntimeException e) {
                // The change is committed; a failing observer of the host must not undo or hide it.
                LOG.log(Level.WARNING, "Observer of " + event.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
