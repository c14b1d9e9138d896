package io.distman.platform.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI document, served without authentication (it describes the API, holds no data; the start page's
 * cheat-sheet is public too). It is written by hand ({@code openapi.yaml} beside this class): generating it from the
 * resources would describe the submission body as a stream (MessagesResource reads it bounded, before binding).
 * OpenApiContractIT keeps it true: it validates real requests and responses against the served document.
 */
@Path("openapi.yaml")
public class OpenApiResource {

    static final String MEDIA_TYPE = "application/yaml";

    private static final byte[] DOCUMENT = load();

    private static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces({MEDIA_TYPE, "text/yaml", "text/plain"})
    public Response document() {
        return Response.ok(DOCUMENT).header("Cache-Control", "public, max-age=300").build();
    }
}
