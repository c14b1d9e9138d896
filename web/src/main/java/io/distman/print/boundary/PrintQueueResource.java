package io.distman.print.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import io.distman.print.entity.PrintRefusedException;
import io.distman.print.entity.PrintRow;
import io.distman.queue.entity.QueueOutcome;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;

/**
 * The print queue for a host's back office: {@code GET /api/v1/print-queue[?printed=true]} lists the letters,
 * {@code POST /api/v1/print-queue} queues deliveries, {@code .../remove} takes unprinted ones out, {@code .../pdf}
 * answers the merged PDF of a selection and {@code .../printed} marks them printed. Bodies are
 * {@code {"deliveryIds": [...]}}; always the API key's account.
 */
@Path("print-queue")
@Produces(MediaType.APPLICATION_JSON)
public class PrintQueueResource {

    @EJB
    PrintQueue printQueue;

    @Inject
    ApiCaller caller;

    public record Selection(List<Long> deliveryIds) {
    }

    public record Letters(long count, List<PrintRow> letters) {
    }

    @GET
    public Letters letters(@QueryParam("printed") boolean printed) {
        return new Letters(printQueue.count(caller.accountId(), printed), printQueue.rows(caller.accountId(), printed));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueOutcome queue(InputStream body) throws IOException {
        return printQueue.queue(caller.accountId(), selection(body));
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueOutcome remove(InputStream body) throws IOException {
        return printQueue.remove(caller.accountId(), selection(body));
    }

    @POST
    @Path("printed")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueOutcome printed(InputStream body) throws IOException {
        return printQueue.markPrinted(caller.accountId(), selection(body));
    }

    /** The selection is checked before the answer starts, so a refusal is a 400, not a broken PDF. */
    @POST
    @Path("pdf")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(InputStream body) throws IOException {
        List<Long> ids = selection(body);
        long accountId = caller.accountId();
        printQueue.checkSelection(accountId, ids);
        StreamingOutput pdf = out -> printQueue.writePdf(accountId, ids, ZoneId.systemDefault(), out);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"letters.pdf\"").build();
    }

    private static List<Long> selection(InputStream body) throws IOException {
        Selection selection = JsonRequests.parse(body.readAllBytes(), Selection.class); // bounded by RequestBodyLimit
        if (selection == null || selection.deliveryIds() == null) {
            throw new PrintRefusedException("is required: a list of delivery ids");
        }
        return selection.deliveryIds();
    }

    /** 400 naming deliveryIds for a selection that cannot be done (none, too many, not in the queue). */
    @Provider
    public static class Refused implements ExceptionMapper<PrintRefusedException> {
        @Override
        public Response toResponse(PrintRefusedException e) {
            return ApiErrors.invalid(List.of(new FieldError("deliveryIds", e.getMessage())));
        }
    }
}
