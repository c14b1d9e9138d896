package io.distman.account.boundary;

import io.distman.account.entity.ApiKeyScope;
import io.distman.account.entity.ApiKeyView;
import io.distman.account.entity.IssuedApiKey;
import io.distman.platform.boundary.JsonRequests;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The account's API keys over REST, for an installer's scripts: with an ADMIN-scope key of the account (a SEND
 * key gets 403 from {@link ApiKeyAdmin}'s role check). The account is always the key's own.
 */
@Path("account/apikeys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    @EJB
    ApiKeyAdmin keys;

    @Inject
    ApiCaller caller;

    /** What an issue request says; the scope defaults to SEND. */
    public record IssueRequest(String label, ApiKeyScope scope) {
    }

    @GET
    public List<ApiKeyView> list() {
        return keys.list(caller.accountId());
    }

    /** 201 with the key: the only response that ever contains it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(InputStream body) throws IOException {
        IssueRequest request = JsonRequests.parse(body.readAllBytes(), IssueRequest.class); // bounded by RequestBodyLimit
        IssuedApiKey issued = keys.issue(caller.accountId(), request == null ? null : request.label(),
                request == null || request.scope() == null ? ApiKeyScope.SEND : request.scope());
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(issued).build();
    }

    @POST
    @Path("{id}/revoke")
    public ApiKeyView revoke(@PathParam("id") String id) {
        return keys.revoke(caller.accountId(), id);
    }
}
