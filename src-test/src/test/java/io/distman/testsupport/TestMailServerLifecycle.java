package io.distman.testsupport;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts {@link TestMailServer} when the test WAR is deployed, before any test runs, and stops it when
 * it is undeployed so the next test class's deployment can bind the port again. A listener rather than a
 * JUnit callback: with Arquillian's in-container execution {@code @BeforeAll} runs in the client JVM.
 */
@WebListener
public class TestMailServerLifecycle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        TestMailServer.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        TestMailServer.stop();
    }
}
