package io.distman.account.boundary;

import io.distman.account.entity.AccountSummary;
import io.distman.account.entity.Invitation;
import io.distman.platform.boundary.JsonRequests;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The installation operator's API (HTTP Basic as an operator user, see {@link ApiKeyAuthentication}): the accounts
 * themselves, named by their code. Anyone else who authenticates gets 403 from {@link Installation}'s role check.
 */
@Path("installation/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class InstallationResource {

    @EJB
    Installation installation;

    public record CreateAccount(String code, String name) {
    }

    public record Rename(String name) {
    }

    public record NewAdmin(String username, String displayName, String email, String password) {
    }

    @GET
    public List<AccountSummary> accounts() {
        return installation.accounts();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body, @Context UriInfo uri) throws IOException {
        CreateAccount request = JsonRequests.parse(body.readAllBytes(), CreateAccount.class); // bounded by RequestBodyLimit
        AccountSummary created = installation.create(request == null ? null : request.code(), request == null ? null : request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("{code}")
    public AccountSummary account(@PathParam("code") String code) {
        return installation.account(code);
    }

    @POST
    @Path("{code}/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountSummary rename(@PathParam("code") String code, InputStream body) throws IOException {
        Rename request = JsonRequests.parse(body.readAllBytes(), Rename.class);
        return installation.rename(installation.account(code).id(), request == null ? null : request.name());
    }

    @POST
    @Path("{code}/suspend")
    public AccountSummary suspend(@PathParam("code") String code) {
        return installation.suspend(installation.account(code).id());
    }

    @POST
    @Path("{code}/reactivate")
    public AccountSummary reactivate(@PathParam("code") String code) {
        return installation.reactivate(installation.account(code).id());
    }

    /**
     * The account's first (or another) admin: without a password, a one-time set-password link (mailed to them when
     * an address is given, and answered once), so the operator never knows the admin's password; with one, an admin
     * who signs in with it (the policy applies).
     */
    @POST
    @Path("{code}/admins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAdmin(@PathParam("code") String code, InputStream body, @Context UriInfo uri) throws IOException {
        NewAdmin request = JsonRequests.parse(body.readAllBytes(), NewAdmin.class);
        if (request == null) {
            request = new NewAdmin(null, null, null, null);
        }
        long accountId = installation.account(code).id();
        if (request.password() == null) {
            Invitation invitation = installation.inviteAdmin(accountId, request.username(), request.displayName(),
                    request.email());
            return Response.status(Response.Status.CREATED).entity(AdminResource.link(invitation, uri)).build();
        }
        AccountSummary account = installation.createAdmin(accountId, request.username(), request.displayName(),
                request.email(), request.password().toCharArray());
        return Response.status(Response.Status.CREATED).entity(account).build();
    }
}
