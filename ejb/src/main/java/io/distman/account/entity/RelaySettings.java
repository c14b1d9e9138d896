package io.distman.account.entity;

/**
 * An account's own SMTP relay as an admin enters it. {@code password} is the plaintext as typed; null keeps
 * the stored one (a form never shows it again) when the user name is unchanged. toString() leaves it out.
 */
public record RelaySettings(String host, Integer port, RelaySecurity security, String username, String password) {

    @Override
    public String toString() {
        return "RelaySettings[" + host + ":" + port + ", " + security + ", user=" + username + ", password="
                + (password == null ? "unchanged" : "(hidden)") + "]";
    }
}
