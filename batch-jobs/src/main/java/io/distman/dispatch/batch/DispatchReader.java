package io.distman.dispatch.batch;

import io.distman.dispatch.boundary.DispatchJobs;
import io.distman.dispatch.boundary.DispatchService;
import io.distman.dispatch.entity.Claim;
import io.distman.message.entity.Priority;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Hands out claims (delivery, claimant, attempt) one by one, claiming the next block of {@code blockSize} when the
 * last is used up, and ends the step when nothing more is due.
 */
@Named
@Dependent
public class DispatchReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String priorities;

    @Inject
    @BatchProperty
    String blockSize;

    @Inject
    JobContext job;

    @EJB
    DispatchService dispatch;

    @EJB
    DispatchJobs jobs;

    private final Deque<Claim> claimed = new ArrayDeque<>();
    private String owner;
    private List<Priority> wanted;

    @Override
    public void open(Serializable checkpoint) {
        wanted = Arrays.stream(priorities.split(",")).map(String::strip).map(Priority::valueOf).toList();
        owner = host() + "/" + job.getExecutionId() + "/" + UUID.randomUUID().toString().substring(0, 8);
        jobs.started(!wanted.contains(Priority.NORMAL));
    }

    @Override
    public Object readItem() {
        if (claimed.isEmpty()) {
            claimed.addAll(dispatch.claim(owner, wanted, Integer.parseInt(blockSize)));
        }
        return claimed.poll(); // null ends the partition
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
