package io.distman.identity.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.identity.entity.DkimKeyView;
import io.distman.identity.entity.IdentityView;
import io.distman.identity.entity.InvalidIdentityException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The account's sender identities for an installer's scripts: list ({@code GET /api/v1/admin/identities}, each
 * with the DNS records to publish), add a domain or an address, check its TXT record now, rotate a domain's DKIM
 * key and retire a previous one. The API key's account; the key needs the admin scope.
 */
@Path("admin/identities")
@Produces(MediaType.APPLICATION_JSON)
public class IdentitiesResource {

    @EJB
    IdentityAdmin admin;

    @Inject
    ApiCaller caller;

    /** Exactly one of them. */
    public record NewIdentity(String domain, String address) {
    }

    @GET
    public List<IdentityView> list() {
        return admin.list(caller.accountId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(InputStream body) throws IOException {
        NewIdentity request = JsonRequests.parse(body.readAllBytes(), NewIdentity.class); // bounded by RequestBodyLimit
        if (request == null || (request.domain() == null) == (request.address() == null)) {
            return ApiErrors.invalid(List.of(new FieldError("domain", "give either domain or address")));
        }
        IdentityView added = request.domain() != null ? admin.addDomain(caller.accountId(), request.domain())
                : admin.addAddress(caller.accountId(), request.address());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    /** Looks the verification record up now and answers what was found. */
    @POST
    @Path("{id}/verify")
    public IdentityView verify(@PathParam("id") long id) {
        return admin.verify(caller.accountId(), id);
    }

    @POST
    @Path("dkim/{domain}/rotate")
    public DkimKeyView rotate(@PathParam("domain") String domain) {
        return admin.rotateDkimKey(caller.accountId(), domain);
    }

    @DELETE
    @Path("dkim/{keyId}")
    public Response retire(@PathParam("keyId") long keyId) {
        admin.retireDkimKey(caller.accountId(), keyId);
        return Response.noContent().build();
    }

    /** 400 naming the field for an identity that cannot be added (not a domain, already there). */
    @Provider
    public static class Refused implements ExceptionMapper<InvalidIdentityException> {
        @Override
        public Response toResponse(InvalidIdentityException e) {
            return ApiErrors.invalid(List.of(e.error()));
        }
    }
}
