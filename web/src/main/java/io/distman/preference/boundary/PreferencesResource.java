package io.distman.preference.boundary;

import io.distman.account.boundary.ApiCaller;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.boundary.JsonRequests;
import io.distman.preference.entity.PreferenceChangeRow;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import io.distman.preference.entity.PreferenceView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
 * A recipient address's preferences in the key's account, for support's scripts: {@code GET
 * /api/v1/admin/preferences/{address}} (the defaults when nobody set any, with the audit trail) and {@code PUT} the
 * whole preference. The key needs the admin scope; the change is audited under the key's name.
 */
@Path("admin/preferences/{address}")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @EJB
    PreferenceAdmin admin;

    @Inject
    ApiCaller caller;

    /** The preference and its audit trail, newest change first. */
    public record PreferenceDocument(PreferenceView preference, List<PreferenceChangeRow> changes) {
    }

    @GET
    public PreferenceDocument get(@PathParam("address") String address) {
        return document(address, admin.view(caller.accountId(), address));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferenceDocument put(@PathParam("address") String address, InputStream body) throws IOException {
        PreferenceInput input = JsonRequests.parse(body.readAllBytes(), PreferenceInput.class); // bounded by RequestBodyLimit
        return document(address, admin.save(caller.accountId(), address, input));
    }

    private PreferenceDocument document(String address, PreferenceView view) {
        return new PreferenceDocument(view, admin.changes(caller.accountId(), address));
    }

    /** 400 naming each bad field. */
    @Provider
    public static class Refused implements ExceptionMapper<PreferenceRefusedException> {
        @Override
        public Response toResponse(PreferenceRefusedException e) {
            return ApiErrors.invalid(e.errors());
        }
    }
}
