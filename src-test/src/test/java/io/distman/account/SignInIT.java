package io.distman.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.account.entity.UserRole;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.LoginForm;
import io.distman.testsupport.LoginForm.Answer;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in hardening (issue 11, part 5), over HTTP through the real login form from inside GlassFish (so the test
 * can shorten the lock through its system property): failures lock the username and the client address, the right
 * password is refused while locked and accepted after; unknown usernames get the same answers; the password
 * policy; the session id changes at sign-in; the session cookie's flags over HTTP and over TLS.
 */
@ExtendWith(ArquillianExtension.class)
public class SignInIT {

    private static final String PASSWORD = "quiet-harbour-lantern-42";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SignInIT.class, Tls.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    AccountService accounts;

    private TestAccount account;

    @BeforeEach
    void setUp() {
        fixtures.forgetSignInFailures();
        account = fixtures.newAccount("signin");
        // Locks of a few seconds, so the test sees one end without waiting minutes.
        System.setProperty("distman.signIn.lock", "PT3S");
        System.setProperty("distman.signIn.maxAddressFailures", "1000");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("distman.signIn.lock");
        System.clearProperty("distman.signIn.maxAddressFailures");
        fixtures.forgetSignInFailures();
    }

    private String newAgent() {
        return fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
    }

    @Test
    void fiveFailuresLockTheUserTheRightPasswordIsRefusedUntilTheLockEnds() throws Exception {
        String agent = newAgent();
        for (int i = 1; i <= 4; i++) {
            Answer answer = new LoginForm().signIn(agent, "wrong-password-" + i);
            assertTrue(answer.refused(), "failure " + i + ": " + answer.uri());
        }
        Answer fifth = new LoginForm().signIn(agent, "wrong-password-5");
        assertTrue(fifth.locked(), fifth.uri().toString());
        assertTrue(fifth.body().contains("Too many failed sign-ins"), fifth.body());
        Instant lockedAt = Instant.now();

        Answer right = new LoginForm().signIn(agent, PASSWORD);
        assertTrue(right.locked(), "the right password while locked: " + right.uri());
        assertFalse(right.signedIn());

        sleepUntil(lockedAt.plusSeconds(4));
        Answer after = new LoginForm().signIn(agent, PASSWORD);
        assertTrue(after.signedIn(), "after the lock: " + after.uri());
    }

    @Test
    void anUnknownUsernameGetsTheSameAnswersAsAKnownOne() throws Exception {
        String known = newAgent();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            Answer forKnown = new LoginForm().signIn(known, "wrong-password-" + i);
            Answer forUnknown = new LoginForm().signIn(unknown, "wrong-password-" + i);
            assertEquals(forKnown.uri(), forUnknown.uri(), "attempt " + i);
            assertEquals(withoutViewState(forKnown.body()), withoutViewState(forUnknown.body()), "attempt " + i);
        }
        assertTrue(new LoginForm().signIn(unknown, "wrong").locked(), "unknown usernames lock like known ones");
    }

    @Test
    void tooManyFailuresFromOneAddressLockItForEveryUsername() throws Exception {
        System.setProperty("distman.signIn.maxAddressFailures", "3");
        String agent = newAgent();
        assertTrue(new LoginForm().signIn("guess-a-" + UUID.randomUUID(), "x-wrong").refused());
        assertTrue(new LoginForm().signIn("guess-b-" + UUID.randomUUID(), "x-wrong").refused());
        assertTrue(new LoginForm().signIn("guess-c-" + UUID.randomUUID(), "x-wrong").locked());
        Answer real = new LoginForm().signIn(agent, PASSWORD);
        assertTrue(real.locked(), "a real user from the locked address: " + real.uri());
    }

    /** A suspended agency's users: the right password is told why it is refused, a wrong one learns nothing, open sessions end. */
    @Test
    void aSuspendedAgencysUsersCannotSignInAndTheirSessionsEnd() throws Exception {
        String agent = newAgent();
        LoginForm browser = new LoginForm();
        assertTrue(browser.signIn(agent, PASSWORD).signedIn());
        fixtures.suspended(account.id(), true);
        try {
            var page = browser.get("app/queue.xhtml");
            assertTrue(page.uri().getPath().endsWith("/login.xhtml"), "the open session ends: " + page.uri());
            Answer right = new LoginForm().signIn(agent, PASSWORD);
            assertEquals("suspended=true", right.uri().getQuery(), right.uri().toString());
            assertTrue(right.body().contains("account is suspended"), right.body());
            Answer wrong = new LoginForm().signIn(agent, "wrong-password");
            assertTrue(wrong.refused(), "a wrong password learns nothing about the account: " + wrong.uri());
        } finally {
            fixtures.suspended(account.id(), false);
        }
        assertTrue(new LoginForm().signIn(agent, PASSWORD).signedIn(), "signs in again once reactivated");
    }

    @Test
    void aSuccessForgetsTheUsersEarlierFailures() throws Exception {
        String agent = newAgent();
        for (int i = 0; i < 4; i++) {
            assertTrue(new LoginForm().signIn(agent, "wrong-password").refused());
        }
        assertTrue(new LoginForm().signIn(agent, PASSWORD).signedIn());
        for (int i = 0; i < 4; i++) {
            assertTrue(new LoginForm().signIn(agent, "wrong-password").refused(), "counting starts again: " + i);
        }
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsNotSignedIn() throws Exception {
        String agent = newAgent();
        LoginForm browser = new LoginForm();
        browser.get("login.xhtml");
        String before = browser.sessionId().orElseThrow();
        assertTrue(browser.signIn(agent, PASSWORD).signedIn());
        String after = browser.sessionId().orElseThrow();
        assertNotEquals(before, after, "session fixation: the id must change at sign-in");

        HttpResponse<String> withOldId = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build().send(java.net.http.HttpRequest.newBuilder(io.distman.testsupport.TestEnvironment.url("app/index.xhtml"))
                        .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, withOldId.statusCode(), "the id from before the sign-in is not signed in");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureOverTls() throws Exception {
        String plain = sessionCookie(new LoginForm().get("login.xhtml"));
        assertTrue(plain.contains("HttpOnly"), plain);
        assertTrue(plain.contains("SameSite=Lax"), plain);
        assertFalse(plain.contains("Secure"), "not over plain HTTP, or the browser would drop it: " + plain);

        String tls = sessionCookie(Tls.get("https://localhost:8181/distman/login.xhtml"));
        assertTrue(tls.contains("Secure"), tls);
        assertTrue(tls.contains("HttpOnly"), tls);
        assertTrue(tls.contains("SameSite=Lax"), tls);
    }

    @Test
    void thePasswordPolicyRefusesShortUsernameAndCommonPasswordsNamingTheField() {
        String username = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        for (String[] refused : new String[][] {
                {"short-pass", "must have at least 12 characters"},
                {"my-" + username + "-secret", "must not contain the username"},
                {"Password1234", "is too easy to guess"}}) {
            PasswordRefusedException e = assertThrows(PasswordRefusedException.class, () -> fixtures.asProvisioner(() -> accounts.addUser(
                    account.id(), username, "Policy", null, UserRole.AGENT, refused[0].toCharArray())));
            assertEquals("password", e.error().field());
            assertTrue(e.error().message().startsWith(refused[1]), e.error().message());
        }
        assertTrue(accounts.profile(username).isEmpty(), "no user is added with a refused password");

        String agent = newAgent();
        PasswordRefusedException e = assertThrows(PasswordRefusedException.class,
                () -> fixtures.asProvisioner(() -> {
                    accounts.setPassword(agent, "qwertyuiop123".toCharArray());
                    return null;
                }));
        assertEquals("password", e.error().field());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    /** The page without what differs on every request anyway: the view state and PrimeFaces' script nonce. */
    private static String withoutViewState(String page) {
        return page.replaceAll("value=\"[^\"]*\"", "value=\"\"").replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")
                .replaceAll("csp\\.init\\('[^']*'\\)", "csp.init('')");
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
