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
 * The admin and installation APIs' refusals: 400 for settings that cannot work, naming the request's field; 403
 * when the caller lacks the role (an API key without the admin scope, an admin on the installation's API; the
 * boundaries declare {@code @RolesAllowed}). The one mapper of each exception: JAX-RS picks one of several at random.
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

    /** A message that starts with its field's name ("code: is already in use", "label: ..."). */
    private static final java.util.regex.Pattern NAMED_FIELD = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9.]*): ");

    /**
     * The field a refusal is about: the longest known beginning of its message, else a field the message
     * starts with by name, else the body.
     */
    static String field(String message) {
        String text = message == null ? "" : message;
        return FIELDS.entrySet().stream().filter(e -> text.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElseGet(() -> {
                    java.util.regex.Matcher named = NAMED_FIELD.matcher(text);
                    return named.find() ? named.group(1) : "body";
                });
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
            return ApiErrors.of(Response.Status.FORBIDDEN, "forbidden", "the caller's role may not do this (the account's"
                    + " administration needs an API key with the admin scope; the installation's, an operator)", List.of());
        }
    }
}
