package io.distman.serial.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.BoundedBody;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.boundary.OwnBodyLimit;
import io.distman.platform.entity.FieldError;
import io.distman.serial.entity.TemplateInput;
import io.distman.serial.entity.TemplateView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The account's merge templates over REST, as Compose keeps them: {@code GET /api/v1/serial/templates} (all),
 * {@code POST} (create, 201 and Location), {@code GET|PUT|DELETE .../{id}}. The API key's account, like the screen's
 * signed-in staff; another account's template is not found. Refusals name the field (name, subject, htmlBody,
 * textBody: each is checked to parse before it is stored).
 */
@Path("serial/templates")
@Produces(MediaType.APPLICATION_JSON)
public class SerialTemplatesResource {

    /** A template's JSON is at most two bodies of 1,000,000 characters at up to 4 bytes each, and a little more. */
    static final long MAX_TEMPLATE_BYTES = 8L * 1024 * 1024 + 64 * 1024;

    @EJB
    Templates templates;

    @Inject
    ApiCaller caller;

    /** A template as a caller writes it; {@code draft} false unless said (a draft cannot be sent). */
    public record TemplateRequest(String name, String subject, String htmlBody, String textBody, Boolean draft) {

        TemplateInput toInput() {
            return new TemplateInput(name, subject, htmlBody, textBody, draft != null && draft);
        }
    }

    @GET
    public List<TemplateView> list() {
        return templates.templates(caller.accountId());
    }

    @GET
    @Path("{id}")
    public TemplateView get(@PathParam("id") long id) {
        return templates.template(caller.accountId(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnBodyLimit
    public Response create(InputStream body, @Context HttpHeaders headers) throws IOException {
        TemplateRequest request = read(body, headers);
        if (request == null) {
            return required();
        }
        TemplateView created = templates.save(caller.accountId(), null, request.toInput());
        return Response.created(URI.create("serial/templates/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnBodyLimit
    public Response update(@PathParam("id") long id, InputStream body, @Context HttpHeaders headers) throws IOException {
        TemplateRequest request = read(body, headers);
        return request == null ? required() : Response.ok(templates.save(caller.accountId(), id, request.toInput())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        templates.delete(caller.accountId(), id);
        return Response.noContent().build();
    }

    private static TemplateRequest read(InputStream body, HttpHeaders headers) throws IOException {
        // ApiKeyFilter has authenticated the caller before this reads a byte.
        return JsonRequests.parse(BoundedBody.read(headers, body, MAX_TEMPLATE_BYTES), TemplateRequest.class);
    }

    private static Response required() {
        return ApiErrors.invalid(List.of(new FieldError("body", "is required: name, subject and an HTML or a text body")));
    }
}
