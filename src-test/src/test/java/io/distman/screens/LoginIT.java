package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Form login in a real browser: the screens are behind it, roles decide the menu, support can switch accounts. */
public class LoginIT extends ScreenTest {

    static Account northside;
    static Account harbour;
    static String agent;
    static String support;

    @BeforeAll
    static void users() throws Exception {
        northside = newAccount("login-a");
        harbour = newAccount("login-b");
        agent = newAgent(northside);
        support = newSupport(northside);
        data.grantSupport(support, harbour.id());
    }

    /** The start page (the URL the run profile prints) leads to the screens as well as to the API. */
    @Test
    void theStartPageLeadsToTheSignIn() throws Exception {
        try (Browser browser = browser()) {
            browser.go("");
            assertTrue(browser.find(By.id("api")).getText().contains("REST API"));
            browser.click(By.id("signIn"));
            assertTrue(browser.currentUrl().contains("/login.xhtml"), browser.currentUrl());
            assertTrue(browser.find(By.id("login:username")).isDisplayed());
        }
    }

    @Test
    void theScreensNeedASignIn() throws Exception {
        try (Browser browser = browser()) {
            browser.go("app/index.xhtml");
            assertTrue(browser.currentUrl().contains("/login.xhtml"), browser.currentUrl());
            browser.screenshot("login");
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        try (Browser browser = browser()) {
            browser.login(agent, "not-the-password");
            assertTrue(browser.currentUrl().contains("/login.xhtml"), browser.currentUrl());
            assertTrue(browser.find(By.id("login:failed")).getText().contains("Wrong username or password"));
            browser.go("app/index.xhtml");
            assertTrue(browser.currentUrl().contains("/login.xhtml"), () -> "still not signed in: " + browser.currentUrl() + "\n" + browser.pageSource());
        }
    }

    @Test
    void anAgentLandsWhereTheyWereGoingAndSeesTheirAccountOnly() throws Exception {
        try (Browser browser = browser()) {
            browser.go("app/index.xhtml");
            browser.login(agent, PASSWORD);
            assertTrue(browser.currentUrl().endsWith("/app/index.xhtml"), browser.currentUrl());
            assertTrue(browser.find(By.id("welcome")).getText().contains("Test " + northside.code()));
            assertEquals("Test " + agent, browser.find(By.id("menuForm:userName")).getText());
            assertTrue(browser.findAll(By.id("menuForm:account")).isEmpty(), "agents cannot switch accounts");
            String menu = browser.find(By.id("menuForm:menu")).getText();
            assertFalse(menu.contains("Suppressions"), menu);
            assertFalse(menu.contains("Settings"), menu);

            browser.click(By.id("menuForm:logout"));
            assertTrue(browser.currentUrl().contains("/login.xhtml"), browser.currentUrl());
            browser.go("app/index.xhtml");
            assertTrue(browser.currentUrl().contains("/login.xhtml"), "signed out");
        }
    }

    @Test
    void supportStaffSwitchBetweenTheAccountsGrantedToThem() throws Exception {
        try (Browser browser = signedIn(support)) {
            assertTrue(browser.find(By.id("menuForm:menu")).getText().contains("Suppressions"));
            List<String> accounts = browser.findAll(By.cssSelector("#menuForm\\:account_input option")).stream()
                    .map(o -> o.getAttribute("textContent")).toList();
            assertEquals(List.of("Test " + northside.code(), "Test " + harbour.code()), accounts);

            browser.click(By.id("menuForm:account"));
            WebElement other = browser.find(By.cssSelector("#menuForm\\:account_items li[data-label='Test " + harbour.code() + "']"));
            other.click();
            browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Test " + harbour.code()));
            browser.screenshot("account-switch");
        }
    }
}
