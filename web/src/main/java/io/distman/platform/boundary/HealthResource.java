package io.distman.platform.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Unauthenticated liveness probe: the run profile waits on it, and it names the database in use. */
@Path("health")
public class HealthResource {

    @EJB
    SchemaMigration schema;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
        return Map.of("status", "UP", "database", String.valueOf(schema.databaseVendor()));
    }
}
