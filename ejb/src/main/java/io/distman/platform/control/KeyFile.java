package io.distman.platform.control;

import io.distman.platform.entity.SecretBoxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The file holding the installation keys, outside the database they protect. Read again whenever it
 * changed (time or size), so a key appended for rotation is used without a redeploy.
 */
public final class KeyFile {

    private static final Logger LOG = Logger.getLogger(KeyFile.class.getName());
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path path;
    private Snapshot snapshot;

    private record Snapshot(FileTime modified, long size, InstallationKeys keys) {
    }

    public KeyFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public synchronized InstallationKeys keys() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SecretBoxException("No installation key: the file " + path + " does not exist (create it as"
                    + " the README's 'Secrets at rest' says, or point -Ddistman.secrets.keyFile at it)", e);
        } catch (IOException e) {
            throw new SecretBoxException("The installation key file " + path + " cannot be read: " + e.getMessage(), e);
        }
        if (snapshot == null || !snapshot.modified().equals(attributes.lastModifiedTime())
                || snapshot.size() != attributes.size()) {
            snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), read());
        }
        return snapshot.keys();
    }

    private InstallationKeys read() {
        try {
            warnIfShared();
            return InstallationKeys.parse(Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new SecretBoxException("The installation key file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void warnIfShared() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null && view.readAttributes().permissions().stream().anyMatch(OTHERS::contains)) {
            LOG.warning("The installation key file " + path + " is readable or writable by others than its owner;"
                    + " chmod 600 it");
        }
    }
}
