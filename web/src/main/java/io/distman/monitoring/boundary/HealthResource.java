package io.distman.monitoring.boundary;

import io.distman.monitoring.entity.HealthReport;
import io.distman.monitoring.entity.PartStatus;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The health probe, without credentials (load balancers, the run profile's wait): the state of the database,
 * the relays and the queue, and the age of the oldest due mail; 503 when the database does not answer. The
 * operator's view with the details (queue depth, the relays' last replies) is {@code installation/health}.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @EJB
    Monitoring monitoring;

    @GET
    public Response health() {
        return answer(monitoring.summary());
    }

    static Response answer(HealthReport report) {
        return Response.status(report.status() == PartStatus.DOWN ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .entity(report).build();
    }
}
