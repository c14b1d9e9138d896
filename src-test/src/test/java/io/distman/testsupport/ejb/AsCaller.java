package io.distman.testsupport.ejb;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.lang.reflect.Constructor;
import java.security.Principal;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.security.auth.Subject;

/**
 * Runs test code as an authenticated caller, the way the container would after a module's or user's
 * login: a principal and its groups. In-container tests have no login of their own, and the service now
 * checks every caller. Test-only, and through GlassFish's own security context (reflectively, with the EJB
 * container's class loader, which sees it): there is no portable way to log in without a request.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AsCaller {

    @Resource
    SessionContext context;

    public <T> T call(String principal, Set<String> groups, Callable<T> work) throws Exception {
        ClassLoader loader = context.getClass().getClassLoader();
        Class<?> securityContext = Class.forName("com.sun.enterprise.security.SecurityContext", true, loader);
        Object previous = securityContext.getMethod("getCurrent").invoke(null);
        Subject subject = new Subject();
        subject.getPrincipals().add(principal(loader, "org.glassfish.security.common.UserNameAndPassword", principal));
        for (String group : groups) {
            subject.getPrincipals().add(principal(loader, "org.glassfish.security.common.Group", group));
        }
        Object caller = securityContext.getConstructor(String.class, Subject.class).newInstance(principal, subject);
        securityContext.getMethod("setCurrent", securityContext).invoke(null, caller);
        try {
            return work.call();
        } finally {
            securityContext.getMethod("setCurrent", securityContext).invoke(null, previous);
        }
    }

    private static Principal principal(ClassLoader loader, String type, String name) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(type, true, loader).getConstructor(String.class);
        return (Principal) constructor.newInstance(name);
    }
}
