package io.distman.feedback.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.platform.boundary.AdminScreens;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * The account's webhook credentials per provider for an installer's scripts: {@code GET /api/v1/admin/webhooks}
 * (per provider the URL for its console and whether the account has its own credential, never the secret),
 * {@code PUT .../{provider}} to set it, {@code DELETE} to fall back to the installation's. Admin scope.
 */
@Path("admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookSetupResource {

    @EJB
    WebhookAdmin admin;

    @Inject
    ApiCaller caller;

    /** One provider: the absolute URL to paste, and the account's own credential (user, when set) if any. */
    public record Webhook(String provider, String url, boolean ownCredential, String username, Instant setAt) {
    }

    /**
     * The provider's credential: {@code signingKey} (mailgun), {@code verificationKey} (sendgrid), {@code username}
     * and {@code password} (postmark), {@code topics} (amazon-ses).
     */
    public record Credential(String signingKey, String verificationKey, String username, String password, List<String> topics) {
        @Override
        public String toString() {
            return "Credential[username=" + username + ", topics=" + topics + ", secrets hidden]";
        }
    }

    @GET
    public List<Webhook> list(@Context UriInfo uri) {
        String base = AdminScreens.publicUrl(root(uri));
        return admin.webhooks(caller.accountId()).stream().map(w -> new Webhook(w.provider(), base + "/" + w.path(),
                w.hasOwnCredential(), w.username(), w.setAt())).toList();
    }

    @PUT
    @Path("{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("provider") String provider, InputStream body, @Context UriInfo uri) throws IOException {
        Credential c = JsonRequests.parse(body.readAllBytes(), Credential.class); // bounded by RequestBodyLimit
        if (c == null) {
            return ApiErrors.invalid(List.of(new FieldError("body", "is required")));
        }
        long account = caller.accountId();
        switch (provider) {
            case "mailgun" -> admin.setMailgunKey(account, c.signingKey());
            case "sendgrid" -> admin.setSendGridKey(account, c.verificationKey());
            case "postmark" -> admin.setPostmarkLogin(account, c.username(), c.password());
            case "amazon-ses" -> admin.setSesTopics(account, c.topics() == null ? List.of() : c.topics());
            default -> {
                return ApiErrors.invalid(List.of(new FieldError("provider", "must be mailgun, sendgrid, postmark or amazon-ses")));
            }
        }
        return Response.ok(list(uri)).build();
    }

    @DELETE
    @Path("{provider}")
    public Response remove(@PathParam("provider") String provider) {
        admin.remove(caller.accountId(), provider);
        return Response.noContent().build();
    }

    /** The application's root as this request reached it: the REST base without {@code api/v1/}. */
    private static String root(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("api/v1/") ? base.substring(0, base.length() - "api/v1/".length()) : base;
    }

}
