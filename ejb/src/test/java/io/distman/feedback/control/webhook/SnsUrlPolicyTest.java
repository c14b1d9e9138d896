package io.distman.feedback.control.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.feedback.entity.WebhookRejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-b95095beb82e8f6a046b3aafc7f4149a.pem",
            "https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem",
            "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem",
            "https://SNS.US-EAST-1.AMAZONAWS.COM:443/SimpleNotificationService-x.pem"})
    void acceptsSnsCertificateUrls(String url) {
        assertDoesNotThrow(() -> SnsUrlPolicy.signingCertificateUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sns.us-west-2.amazonaws.com/x.pem",
            "https://sns.us-west-2.amazonaws.com.attacker.example/x.pem",
            "https://attacker.example/x.pem",
            "https://sns.amazonaws.com/x.pem",
            "https://user@sns.us-west-2.amazonaws.com/x.pem",
            "https://sns.us-west-2.amazonaws.com:8443/x.pem",
            "https://sns.us-west-2.amazonaws.com/x.pem?y=1",
            "https://sns.us-west-2.amazonaws.com/x.crt",
            "file:///etc/passwd",
            "not a url"})
    void rejectsEverythingElse(String url) {
        assertThrows(WebhookRejectedException.class, () -> SnsUrlPolicy.signingCertificateUrl(url));
    }
}
