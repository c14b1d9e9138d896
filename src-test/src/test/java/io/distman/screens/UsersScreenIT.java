package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The users screen and the admin log as an account's admin uses them: add a user with a password, the user signs
 * in, the admin deactivates them (their session ends, their sign-in is refused), and the log shows both changes.
 * Agents may not open the screen.
 */
public class UsersScreenIT extends ScreenTest {

    static Account agency;
    static String admin;
    static String agent;

    @BeforeAll
    static void users() {
        agency = newAccount("users-screen");
        admin = newAdmin(agency);
        agent = newAgent(agency);
    }

    private static By inRow(String username, String button) {
        return By.xpath("//tr[.//span[@class='dm-username' and text()='" + username + "']]//button[contains(@id,'" + button + "')]");
    }

    @Test
    void anAdminAddsAUserWhoSignsInAndIsDeactivatedAndTheLogShowsIt() throws Exception {
        String newcomer = "nina-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = signedIn(admin)) {
            browser.go("app/admin/users.xhtml");
            browser.type(By.id("add:username"), newcomer);
            browser.type(By.id("add:displayName"), "Nina Newcomer");
            browser.type(By.id("add:email"), newcomer + "@staff.example.org");
            browser.type(By.id("add:password"), PASSWORD);
            browser.click(By.id("add:addWithPassword"));
            browser.waitUntil(d -> d.findElement(By.id("users:table")).getText().contains(newcomer) ? true : null);
            browser.go("app/admin/users.xhtml"); // a fresh page for the README: no message over it, scrolled to the top
            browser.find(By.id("users:table"));
            browser.screenshot("users");

            try (Browser nina = signedIn(newcomer)) {
                assertFalse(nina.currentUrl().contains("login.xhtml"), "signed in: " + nina.currentUrl());

                browser.click(inRow(newcomer, "deactivate"));
                browser.waitUntil(d -> d.findElement(By.id("users:table")).getText().contains("deactivated") ? true : null);

                nina.go("app/index.xhtml");
                assertTrue(nina.currentUrl().contains("login.xhtml"), "the session ended: " + nina.currentUrl());
                nina.login(newcomer, PASSWORD);
                assertTrue(nina.currentUrl().contains("login.xhtml"), "refused: " + nina.currentUrl());
            }

            browser.go("app/admin/log.xhtml");
            String log = browser.find(By.id("log:rows")).getText();
            assertTrue(log.contains("user.add") && log.contains("user.deactivate") && log.contains(newcomer), log);
            assertTrue(log.contains("password set"), log);
            assertFalse(log.contains(PASSWORD), log);
            browser.screenshot("admin-log");
        }
    }

    @Test
    void anInvitedUserSetsTheirPasswordWithTheLinkOnce() throws Exception {
        String invitee = "ines-" + UUID.randomUUID().toString().substring(0, 8);
        String link;
        try (Browser browser = signedIn(admin)) {
            browser.go("app/admin/users.xhtml");
            browser.type(By.id("add:username"), invitee);
            browser.type(By.id("add:displayName"), "Ines Invited");
            browser.type(By.id("add:email"), invitee + "@staff.example.org");
            browser.click(By.id("add:invite"));
            link = browser.find(By.id("users:link")).getAttribute("value");
            assertTrue(link.contains("/invite.xhtml?token="), link);
            assertTrue(browser.find(By.id("users:table")).getText().contains("invited"));
        }
        try (Browser ines = browser()) {
            ines.driver().get(link);
            assertTrue(ines.find(By.id("username")).getText().equals(invitee));
            ines.type(By.id("invite:password"), PASSWORD);
            ines.type(By.id("invite:repeated"), PASSWORD);
            ines.click(By.id("invite:save"));
            ines.find(By.id("invite:signIn"));
            ines.login(invitee, PASSWORD);
            assertFalse(ines.currentUrl().contains("login.xhtml"), "signed in: " + ines.currentUrl());
        }
        try (Browser again = browser()) {
            again.driver().get(link);
            assertTrue(again.pageSource().contains("This link cannot be used."), "used once");
            assertTrue(again.findAll(By.id("invite:password")).isEmpty());
        }
    }

    @Test
    void anAgentMayNotOpenTheUsersScreen() throws Exception {
        try (Browser browser = signedIn(agent)) {
            browser.go("app/admin/users.xhtml");
            assertTrue(browser.pageSource().contains("403"), browser.pageSource());
            browser.go("app/admin/log.xhtml");
            assertTrue(browser.pageSource().contains("403"), browser.pageSource());
        }
    }
}
