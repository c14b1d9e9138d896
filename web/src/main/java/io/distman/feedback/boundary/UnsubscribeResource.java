package io.distman.feedback.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The List-Unsubscribe link: {@code GET /api/v1/unsubscribe/{token}} shows a page with a button and
 * changes nothing; {@code POST} (the mail client's one-click request or the button) unsubscribes.
 */
@Path("unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@ApplicationScoped // one instance, not an @EJB injection per request (see WebhooksResource)
public class UnsubscribeResource {

    @EJB
    Unsubscribes unsubscribes;

    @GET
    public Response confirm(@PathParam("token") String token) {
        return unsubscribes.target(token).map(target -> Response.ok(page("Unsubscribe",
                target.alreadyUnsubscribed()
                        ? "<p>" + escape(target.address()) + " is already unsubscribed from " + escape(target.agency()) + "'s mailings.</p>"
                        : "<p>Stop " + escape(target.agency()) + "'s mailings to <b>" + escape(target.address()) + "</b>?</p>"
                        + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"
                        + "<p><small>Letters about your tenancy (demands, notices) will still reach you.</small></p>")).build())
                .orElseGet(UnsubscribeResource::unknown);
    }

    @POST
    public Response unsubscribe(@PathParam("token") String token) {
        return unsubscribes.unsubscribe(token, "unsubscribed through the List-Unsubscribe link")
                ? Response.ok(page("Unsubscribed", "<p>You are unsubscribed. You will not receive these mailings any more.</p>")).build()
                : unknown();
    }

    private static Response unknown() {
        return Response.status(Response.Status.NOT_FOUND).entity(page("Unknown link",
                "<p>This unsubscribe link is not valid. Please use the link from the email itself.</p>")).build();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:36rem;margin:3rem auto\"><h1>" + title + "</h1>" + body + "</body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
