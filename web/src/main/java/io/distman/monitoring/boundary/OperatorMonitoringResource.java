package io.distman.monitoring.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator's monitoring (HTTP Basic as an operator user, like the rest of {@code installation/}; anyone else
 * who authenticates gets 403 from {@link Monitoring}'s role check): the health report with its details, and the
 * metrics in Prometheus text format for a scraper configured with an operator's credentials ({@code basic_auth}).
 */
@Path("installation")
public class OperatorMonitoringResource {

    /** Prometheus' text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @EJB
    Monitoring monitoring;

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        return HealthResource.answer(monitoring.details());
    }

    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN) // matched on the type alone; the answer names the exposition format's version
    public Response metrics() {
        return Response.ok(monitoring.metrics(), PROMETHEUS_TEXT).build();
    }
}
