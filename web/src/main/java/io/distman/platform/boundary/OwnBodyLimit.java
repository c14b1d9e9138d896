package io.distman.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method that reads its body itself with {@link BoundedBody} and a limit of its own (a
 * submission with attachments, a webhook, a returned mail), after the checks that need no body (the
 * bounce secret). Every other method's body is bounded by {@link RequestBodyLimit} before it runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnBodyLimit {
}
