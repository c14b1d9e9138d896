package io.distman.identity.control;

import io.distman.platform.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.ServiceLoader;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;

/**
 * TXT records through the JDK's own DNS client (JNDI's DNS provider, module jdk.naming.dns): no library, the system's resolvers
 * by default, or the server named by {@code distman.dns.server} ({@code host:port}, e.g. an internal
 * resolver that sees the published records first). Bounded by {@code distman.dns.timeout} per try,
 * two tries: an admin's click must not hang on a silent server.
 */
@ApplicationScoped
public class JndiTxtLookup implements TxtLookup {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    private static final String PROVIDER_CLASS = "com.sun.jndi.dns.DnsContextFactory";

    /**
     * The JDK's DNS provider, taken from the module that provides it rather than through InitialDirContext:
     * inside GlassFish that goes through GlassFish's naming builder, which loads the class by name and may not
     * instantiate it (its package is not exported): "Cannot instantiate class".
     */
    private static final InitialContextFactory DNS_PROVIDER = ServiceLoader.load(InitialContextFactory.class,
                    ClassLoader.getSystemClassLoader()).stream()
            .filter(provider -> provider.type().getName().equals(PROVIDER_CLASS)).findFirst()
            .map(ServiceLoader.Provider::get)
            .orElseThrow(() -> new IllegalStateException("This JDK has no DNS naming provider (module jdk.naming.dns)"));

    @Override
    public List<String> txt(String name) throws DnsFailure {
        DirContext context = null;
        try {
            context = (DirContext) DNS_PROVIDER.getInitialContext(environment());
            Attributes attributes = context.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(joined(String.valueOf(values.next())));
                }
            }
            return records;
        } catch (NameNotFoundException e) {
            return List.of(); // NXDOMAIN: the record is not there
        } catch (NamingException e) {
            throw new DnsFailure("DNS did not answer for " + name + ": " + e.getMessage(), e);
        } finally {
            close(context);
        }
    }

    private static Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        String server = Settings.string("distman.dns.server", null);
        if (server != null) {
            env.put("java.naming.provider.url", "dns://" + server);
        }
        env.put("com.sun.jndi.dns.timeout.initial",
                String.valueOf(Settings.duration("distman.dns.timeout", DEFAULT_TIMEOUT).toMillis()));
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        return env;
    }

    /**
     * One record's character-strings joined, as DKIM and our token read them (RFC 6376 section 3.6.2.2).
     * JNDI separates a record's strings by a space and quotes (with backslash escapes) only the strings that
     * hold a space, a quote, a backslash or nothing; an unquoted string holds no space, so a space outside
     * quotes always separates.
     */
    static String joined(String value) {
        StringBuilder text = new StringBuilder(value.length());
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                text.append(value.charAt(++i));
            } else if (quoted || c != ' ') {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                // nothing held open worth reporting
            }
        }
    }
}
