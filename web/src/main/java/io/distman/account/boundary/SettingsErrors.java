package io.distman.account.boundary;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.platform.boundary.ApiErrors;
import io.distman.platform.entity.FieldError;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * The admin API's refusals: 400 for settings that cannot work, naming the request's field; 403 when the
 * caller lacks the role (an API key without the admin scope; the boundaries declare {@code @RolesAllowed}).
 */
public final class SettingsErrors {

    /** How the services' messages begin, and the field of the admin API's JSON each one is about. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("SMTP relay host", "relay.host"), Map.entry("SMTP relay port", "relay.port"),
            Map.entry("SMTP relay security", "relay.security"), Map.entry("SMTP relay user name", "relay.username"),
            Map.entry("SMTP relay password", "relay.password"), Map.entry("SMTP relay", "relay"),
            Map.entry("Mailgun API key", "mailgun.apiKey"), Map.entry("Mailgun sending domain", "mailgun.domain"),
            Map.entry("Mailgun region", "mailgun.region"), Map.entry("Mailgun base URL", "mailgun.baseUrl"),
            Map.entry("the Mailgun signing key", "signingKey"), Map.entry("the SendGrid verification key", "verificationKey"),
            Map.entry("the Postmark webhook user name", "username"), Map.entry("a basic-auth user name", "username"),
            Map.entry("the Postmark webhook password", "password"), Map.entry("SES webhooks", "topics"),
            Map.entry("provider", "provider"), Map.entry("category", "category"), Map.entry("choice", "choice"));

    private SettingsErrors() {
    }

    /** The field a refusal is about: the longest known beginning of its message, else the body. */
    static String field(String message) {
        String text = message == null ? "" : message;
        return FIELDS.entrySet().stream().filter(e -> text.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse("body");
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidSettingsException> {
        @Override
        public Response toResponse(InvalidSettingsException e) {
            return ApiErrors.invalid(List.of(new FieldError(field(e.getMessage()), e.getMessage())));
        }
    }

    @Provider
    public static class RoleMissing implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return ApiErrors.of(Response.Status.FORBIDDEN, "forbidden", "this API key may not administer the account"
                    + " (it needs the admin scope)", List.of());
        }
    }
}
