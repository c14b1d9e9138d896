package io.distman.dispatch.batch;

import io.distman.dispatch.boundary.DispatchService;
import io.distman.dispatch.entity.Claim;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Sends one claimed block on one connection and records the results. */
@Named
@Dependent
public class DispatchWriter extends AbstractItemWriter {

    @EJB
    DispatchService dispatch;

    @Override
    public void writeItems(List<Object> items) {
        dispatch.send(items.stream().map(Claim.class::cast).toList());
    }
}
