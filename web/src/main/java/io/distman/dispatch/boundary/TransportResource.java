package io.distman.dispatch.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.dispatch.entity.TransportMode;
import io.distman.dispatch.entity.TransportView;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The account's transport for an installer's scripts: {@code GET /api/v1/admin/transport}, {@code PUT} to choose
 * the installation's mail session, an own SMTP relay or Mailgun, {@code POST .../test} to test a relay (the stored
 * one without a body). The API key's account; the key needs the admin scope. Secrets are write-only.
 */
@Path("admin/transport")
@Produces(MediaType.APPLICATION_JSON)
public class TransportResource {

    @EJB
    TransportAdmin admin;

    @Inject
    ApiCaller caller;

    /** The account's own SMTP relay; a null password keeps the stored one when the user is unchanged. */
    public record Relay(String host, Integer port, RelaySecurity security, String username, String password) {
        RelaySettings settings() {
            return new RelaySettings(host, port, security, username, password);
        }

        @Override
        public String toString() {
            return settings().toString();
        }
    }

    /** Mailgun: the API key is required each time (it is never shown). */
    public record Mailgun(String apiKey, String domain, MailgunRegion region, String baseUrl) {
        @Override
        public String toString() {
            return "Mailgun[" + domain + ", " + region + ", " + baseUrl + "]";
        }
    }

    /** {@code mode} INSTALLATION, RELAY (with {@code relay}) or MAILGUN (with {@code mailgun}). */
    public record TransportRequest(TransportMode mode, Relay relay, Mailgun mailgun) {
    }

    @GET
    public TransportView get() {
        return admin.transport(caller.accountId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(InputStream body) throws IOException {
        TransportRequest request = JsonRequests.parse(body.readAllBytes(), TransportRequest.class); // bounded by RequestBodyLimit
        if (request == null || request.mode() == null) {
            return ApiErrors.invalid(List.of(new FieldError("mode", "is required: INSTALLATION, RELAY or MAILGUN")));
        }
        long account = caller.accountId();
        if (request.mode() == TransportMode.RELAY && request.relay() == null
                || request.mode() == TransportMode.MAILGUN && request.mailgun() == null) {
            String field = request.mode() == TransportMode.RELAY ? "relay" : "mailgun";
            return ApiErrors.invalid(List.of(new FieldError(field, "is required for mode " + request.mode())));
        }
        TransportView saved = switch (request.mode()) {
            case INSTALLATION -> admin.useInstallationMailSession(account);
            case RELAY -> admin.useSmtpRelay(account, request.relay().settings());
            case MAILGUN -> admin.useMailgun(account, request.mailgun().apiKey(), request.mailgun().domain(),
                    request.mailgun().region(), request.mailgun().baseUrl());
        };
        return Response.ok(saved).build();
    }

    /** Tests the relay in the body, or the stored one without a body. No mail is sent. */
    @POST
    @Path("test")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public RelayTestResult test(InputStream body) throws IOException {
        Relay relay = JsonRequests.parse(body.readAllBytes(), Relay.class);
        return relay == null ? admin.testStoredRelay(caller.accountId()) : admin.testRelay(caller.accountId(), relay.settings());
    }
}
