package io.distman.platform.control;

import io.distman.platform.entity.SecretBoxException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's AES-256 keys by id, in the order they were added: the last one seals, every one
 * opens, so a new key can be appended while values sealed under the old ones are still read.
 *
 * <p>Text form, one key a line: {@code <id>=<base64 of 32 random bytes>}; {@code #} starts a comment.
 */
public final class InstallationKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> byId;
    private final String newestId;

    private InstallationKeys(Map<String, SecretKey> byId, String newestId) {
        this.byId = Collections.unmodifiableMap(byId);
        this.newestId = newestId;
    }

    /**
     * Reads the key lines. {@code source} names where they came from, for the errors: a broken line is
     * refused with its number, never with its content (the content is a key).
     */
    public static InstallationKeys parse(String text, String source) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String newest = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = source + " line " + (i + 1);
            if (eq < 0) {
                throw new SecretBoxException(where + " is not <id>=<base64 key>");
            }
            String id = line.substring(0, eq).strip();
            if (!ID.matcher(id).matches()) {
                throw new SecretBoxException(where + ": the key id must be 1-40 of A-Z a-z 0-9 . _ -");
            }
            if (keys.containsKey(id)) {
                throw new SecretBoxException(where + ": key id '" + id + "' is given twice");
            }
            keys.put(id, new SecretKeySpec(decode(line.substring(eq + 1).strip(), where), "AES"));
            newest = id;
        }
        if (newest == null) {
            throw new SecretBoxException(source + " holds no key");
        }
        return new InstallationKeys(keys, newest);
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException(where + ": the key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new SecretBoxException(where + ": the key must be 32 bytes (AES-256), not " + key.length);
        }
        return key;
    }

    public String newestId() {
        return newestId;
    }

    public SecretKey newest() {
        return byId.get(newestId);
    }

    public Optional<SecretKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
