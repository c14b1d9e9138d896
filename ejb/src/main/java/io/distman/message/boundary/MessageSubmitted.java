package io.distman.message.boundary;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import java.util.List;

/** Fired after a submission has committed. */
public record MessageSubmitted(long accountId, long messageId, String raisedBy, String sourceModule,
                               String sourceRef, Category category, Priority priority, String subject,
                               List<Long> deliveryIds) {
}
