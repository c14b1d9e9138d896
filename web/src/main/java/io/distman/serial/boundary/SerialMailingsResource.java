package io.distman.serial.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.DirectoryRefusedException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.BoundedBody;
import io.distman.platform.boundary.OwnBodyLimit;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import io.distman.serial.control.AttachmentRules;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.MailingProgress;
import io.distman.serial.entity.MailingRequest;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.submission.entity.AttachmentInput;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Serial mail for modules in other JVMs: {@code POST /api/v1/serial/count} (how many contacts a filter or worklist
 * selects and how many will get mail, with reasons), {@code POST /api/v1/serial/mailings} (create one from a stored
 * template, or a subject and body, and a filter or worklist, with attachments in base64), {@code GET /api/v1/serial/mailings/{id}} (its progress)
 * and {@code POST .../{id}/cancel}. The API key's account; bodies bounded by RequestBodyLimit and bound strictly.
 */
@Path("serial")
@Produces(MediaType.APPLICATION_JSON)
public class SerialMailingsResource {

    @EJB
    SerialMailings mailings;

    @Inject
    ApiCaller caller;

    /** The contacts: a filter or a worklist (neither: every contact of the directory). */
    public record CountRequest(ContactFilter filter, Long worklistId, Boolean newsletterOnly) {
    }

    /**
     * A mailing: {@code templateId} or subject and bodies; a sender; a filter or a worklist; files in base64 (the
     * API's JSON-B), checked by the EJB as Compose's uploads are.
     */
    public record CreateRequest(Long templateId, String subject, String htmlBody, String textBody, String senderAddress,
                                String senderName, ContactFilter filter, Long worklistId, Boolean newsletterOnly,
                                Boolean activities, Instant sendAt, List<AttachmentInput> attachments) {

        MailingRequest toMailing() {
            boolean inline = subject != null || htmlBody != null || textBody != null;
            return new MailingRequest(templateId, inline ? new MergeSource(subject, htmlBody, textBody) : null,
                    senderAddress, senderName, filter, worklistId, newsletterOnly, activities, sendAt,
                    attachments == null ? List.of() : attachments);
        }
    }

    /**
     * The largest create request read: every attachment the mailing may carry in base64 (4 bytes for 3), and
     * 4 MiB for the bodies and the rest; nothing larger is buffered.
     */
    static final long MAX_CREATE_BYTES = (AttachmentRules.MAX_TOTAL_BYTES + 2) / 3 * 4 + 4L * 1024 * 1024;

    @POST
    @Path("count")
    @Consumes(MediaType.APPLICATION_JSON)
    public MailingCount count(InputStream body) throws IOException {
        CountRequest request = JsonRequests.parse(body.readAllBytes(), CountRequest.class);
        CountRequest chosen = request == null ? new CountRequest(null, null, null) : request;
        return mailings.count(caller.accountId(), chosen.filter(), chosen.worklistId(),
                chosen.newsletterOnly() == null || chosen.newsletterOnly());
    }

    @POST
    @Path("mailings")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnBodyLimit
    public Response create(InputStream body, @Context HttpHeaders headers) throws IOException {
        // ApiKeyFilter has authenticated the caller before this reads a byte.
        CreateRequest request = JsonRequests.parse(BoundedBody.read(headers, body, MAX_CREATE_BYTES), CreateRequest.class);
        if (request == null) {
            return ApiErrors.invalid(List.of(new FieldError("body", "is required: templateId or subject and a body, senderAddress, filter or worklistId")));
        }
        MailingProgress created = mailings.create(caller.accountId(), request.toMailing());
        return Response.created(URI.create("serial/mailings/" + created.id())).entity(created).build();
    }

    @GET
    @Path("mailings/{id}")
    public MailingProgress progress(@PathParam("id") long id) {
        return mailings.progress(caller.accountId(), id);
    }

    @POST
    @Path("mailings/{id}/cancel")
    public MailingProgress cancel(@PathParam("id") long id) {
        return mailings.cancel(caller.accountId(), id);
    }

    /** 400 naming each field of a template or mailing that was refused. */
    @Provider
    public static class Refused implements ExceptionMapper<SerialRefusedException> {
        @Override
        public Response toResponse(SerialRefusedException e) {
            return ApiErrors.invalid(e.errors());
        }
    }

    /** 400 naming each field of a filter or worklist that was refused. */
    @Provider
    public static class DirectoryRefused implements ExceptionMapper<DirectoryRefusedException> {
        @Override
        public Response toResponse(DirectoryRefusedException e) {
            return ApiErrors.invalid(e.errors());
        }
    }
}
