package io.distman.testsupport.browser;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData.Account;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every browser test ({@code io.distman.screens}): the deployment (the real EAR, driven from
 * outside, so nothing of the test goes into it), the application's address, the fixtures client, and the
 * agencies and users a test makes for itself, all signing in with {@link #PASSWORD}. Each test makes its own
 * agencies (unique codes), so tests and classes share no data and may run in any order.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ScreenTest {

    /** The password of every user the browser tests make. */
    protected static final String PASSWORD = "quiet-harbour-lantern-42";

    /** The application, from {@link TestEnvironment#baseUrl()}. */
    protected static final URL BASE = toUrl(TestEnvironment.baseUrl());

    /** Test data through the fixtures servlet and the public REST API. */
    protected static final TestData data = new TestData(BASE);

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** A new agency (account) whose unique code starts with {@code prefix}. */
    protected static Account newAccount(String prefix) {
        return data.newAccount(prefix);
    }

    /** A new user with role AGENT in the account; @return the (unique) username. */
    protected static String newAgent(Account account) {
        return data.newUser(account.id(), "agent", "AGENT", PASSWORD);
    }

    /** A new user with role ADMIN in the account. */
    protected static String newAdmin(Account account) {
        return data.newUser(account.id(), "admin", "ADMIN", PASSWORD);
    }

    /** A new user with role SUPPORT in the account (grant others with {@link TestData#grantSupport}). */
    protected static String newSupport(Account account) {
        return data.newUser(account.id(), "support", "SUPPORT", PASSWORD);
    }

    /** A fresh browser (own profile, no session) on the application; close it (try-with-resources). */
    protected static Browser browser() throws IOException {
        return Browser.open(BASE);
    }

    /** A fresh browser signed in as {@code username}; closed again if the sign-in itself fails. */
    protected static Browser signedIn(String username) throws IOException {
        Browser browser = browser();
        try {
            return browser.login(username, PASSWORD);
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a URL: " + url, e);
        }
    }
}
