package io.distman.testsupport.contract;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the REST tests that check every exchange against the served OpenAPI document: the real EAR driven
 * from outside (the validator library stays in the test JVM), test data through the fixtures servlet.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ApiTest {

    protected static final TestData data = new TestData(toUrl(TestEnvironment.baseUrl()));
    protected static ApiContract api;

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void loadTheDocument() {
        api = ApiContract.of(TestEnvironment.baseUrl());
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a URL: " + url, e);
        }
    }
}
