package io.distman.account.boundary;

import io.distman.account.entity.Invitation;
import io.distman.account.entity.ModuleGrantRow;
import io.distman.account.entity.NewUser;
import io.distman.account.entity.SupportGrantRow;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.UserRow;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.platform.boundary.JsonRequests;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Account administration over REST for an installer's scripts, the same operations as the users and admin log
 * screens: {@code /api/v1/admin/users}, {@code /api/v1/admin/grants/...}, {@code /api/v1/admin/log}. The API
 * key's account is the account administered; {@link AccountAdmin} requires the caller to hold the admin role
 * (an ADMIN-scope key) and checks the account. Bodies are parsed strictly (unknown fields refused, errors name
 * the field) and bounded by the global request body limit.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB
    AccountAdmin admin;

    @Inject
    ApiCaller caller;

    /** A new user: with {@code password} they can sign in at once, without it they are sent a set-password link. */
    public record AddUser(String username, String displayName, String email, UserRole role, String password) {
    }

    /** A set-password link, shown once: {@code link} is below the application's root as this request reached it. */
    public record InvitationLink(String username, String link, Instant expiresAt, String mailedTo) {
    }

    public record RoleChange(UserRole role) {
    }

    public record ActiveChange(Boolean active) {
    }

    public record PasswordChange(String password) {
    }

    public record LogPage(long total, List<AdminChangeRow> rows) {
    }

    @GET
    @Path("users")
    public List<UserRow> users() {
        return admin.users(caller.accountId());
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addUser(InputStream body, @Context UriInfo uri) throws IOException {
        AddUser add = parse(body, AddUser.class);
        NewUser user = new NewUser(add.username(), add.displayName(), add.email(), add.role());
        if (add.password() != null) {
            return Response.status(Response.Status.CREATED).entity(admin.addUser(caller.accountId(), user,
                    add.password().toCharArray())).build();
        }
        return Response.status(Response.Status.CREATED).entity(link(admin.invite(caller.accountId(), user), uri)).build();
    }

    @PUT
    @Path("users/{username}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserRow role(@PathParam("username") String username, InputStream body) throws IOException {
        return admin.changeRole(caller.accountId(), username, parse(body, RoleChange.class).role());
    }

    @PUT
    @Path("users/{username}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserRow active(@PathParam("username") String username, InputStream body) throws IOException {
        ActiveChange change = parse(body, ActiveChange.class);
        if (change.active() == null) {
            throw new JsonRequests.InvalidRequestException(new FieldError("active", "is required (true or false)"));
        }
        return admin.setActive(caller.accountId(), username, change.active());
    }

    @PUT
    @Path("users/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserRow password(@PathParam("username") String username, InputStream body) throws IOException {
        PasswordChange change = parse(body, PasswordChange.class);
        if (change.password() == null) {
            throw new JsonRequests.InvalidRequestException(new FieldError("password", "is required"));
        }
        return admin.resetPassword(caller.accountId(), username, change.password().toCharArray());
    }

    /** The user's password stops working; a new set-password link is mailed to them and returned once. */
    @POST
    @Path("users/{username}/invitation")
    public Response invitation(@PathParam("username") String username, @Context UriInfo uri) {
        return Response.status(Response.Status.CREATED)
                .entity(link(admin.resetByInvitation(caller.accountId(), username), uri)).build();
    }

    @GET
    @Path("grants/support")
    public List<SupportGrantRow> supportGrants() {
        return admin.supportGrants(caller.accountId());
    }

    @PUT
    @Path("grants/support/{username}")
    public SupportGrantRow grantSupport(@PathParam("username") String username) {
        return admin.grantSupport(caller.accountId(), username);
    }

    @DELETE
    @Path("grants/support/{username}")
    public Response revokeSupport(@PathParam("username") String username) {
        admin.revokeSupport(caller.accountId(), username);
        return Response.noContent().build();
    }

    @GET
    @Path("grants/modules")
    public List<ModuleGrantRow> moduleGrants() {
        return admin.moduleGrants(caller.accountId());
    }

    @PUT
    @Path("grants/modules/{principal}")
    public ModuleGrantRow grantModule(@PathParam("principal") String principal) {
        return admin.grantModule(caller.accountId(), principal);
    }

    @DELETE
    @Path("grants/modules/{principal}")
    public Response revokeModule(@PathParam("principal") String principal) {
        admin.revokeModule(caller.accountId(), principal);
        return Response.noContent().build();
    }

    /** The account's admin log, newest first; {@code size} at most 500. */
    @GET
    @Path("log")
    public LogPage log(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        return new LogPage(admin.logCount(caller.accountId()), admin.log(caller.accountId(), first, size));
    }

    private static <T> T parse(InputStream body, Class<T> type) throws IOException {
        T parsed = JsonRequests.parse(body.readAllBytes(), type); // bounded by RequestBodyLimit
        if (parsed == null) {
            throw new JsonRequests.InvalidRequestException(new FieldError("body", "is required"));
        }
        return parsed;
    }

    /** The link below the application's root, which the request's own URI gives (…/distman/api/v1/…). */
    static InvitationLink link(Invitation invitation, UriInfo uri) {
        String base = uri.getBaseUri().toString(); // .../distman/api/v1/
        String root = base.substring(0, base.length() - "api/v1/".length() - 1);
        return new InvitationLink(invitation.username(), invitation.link(root), invitation.expiresAt(), invitation.mailedTo());
    }
}
