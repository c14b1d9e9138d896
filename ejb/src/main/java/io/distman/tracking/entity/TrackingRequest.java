package io.distman.tracking.entity;

import java.io.Serializable;

/**
 * What a pixel load or link click told us about who made it: the HTTP method and the headers that
 * tell browsers from proxies and scanners. Any of the headers may be null.
 */
public record TrackingRequest(String method, String userAgent, String acceptLanguage) implements Serializable {

    public boolean isHead() {
        return "HEAD".equalsIgnoreCase(method);
    }
}
