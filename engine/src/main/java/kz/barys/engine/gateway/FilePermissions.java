package kz.barys.engine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Refuses a secret-holding file that others than its owner may read. */
final class FilePermissions
{
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private FilePermissions()
    {
    }

    /**
     * @throws IllegalArgumentException when the file's group or everyone may read or write it (on a file system
     *                                  without POSIX permissions, such as Windows', nothing is checked)
     */
    static void requireOwnerOnly(final Path file, final String what)
    {
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException ex)
        {
            return;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + what + " " + file + ": " + ex.getMessage(), ex);
        }
        if (permissions.stream().anyMatch(OTHERS::contains))
        {
            throw new IllegalArgumentException(what + " " + file + " may be read or written by its group or everyone: "
                + "make it readable by the engine's user only (chmod 600 " + file + ")");
        }
    }
}
