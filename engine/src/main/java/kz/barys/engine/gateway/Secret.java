package kz.barys.engine.gateway;

import java.security.MessageDigest;

/**
 * How one user's password is checked: against a {@link PasswordHash} ({@code password_hash} keys), or against a
 * plain-text password ({@code password} keys, loopback binds only). Both compare fixed-length values with
 * {@link MessageDigest#isEqual}, so the time a wrong password takes does not depend on how much of it matched.
 */
public abstract class Secret
{
    /** Whether {@code password} (the Logon's bytes, NULs trimmed) is this user's. */
    public abstract boolean matches(byte[] password);

    /** Whether the configured value is plain text (allowed on a loopback bind only). */
    abstract boolean isPlain();

    /** Adds the hash this secret is checked against, if any. */
    abstract void addHashTo(java.util.List<PasswordHash> hashes);

    static Secret plain(final byte[] password)
    {
        return new Plain(password);
    }

    static Secret hashed(final PasswordHash hash)
    {
        return new Hashed(hash);
    }

    /** SHA-256 of both sides, so that the compare sees 32 bytes whatever the lengths and common prefix. */
    private static final class Plain extends Secret
    {
        private final byte[] digest;

        Plain(final byte[] password)
        {
            digest = PasswordHash.sha256(password);
        }

        @Override
        public boolean matches(final byte[] password)
        {
            return MessageDigest.isEqual(digest, PasswordHash.sha256(password));
        }

        @Override
        boolean isPlain()
        {
            return true;
        }

        @Override
        void addHashTo(final java.util.List<PasswordHash> hashes)
        {
            // none
        }
    }

    /**
     * PBKDF2, with the last accepted password remembered as a salted SHA-256 so that a user who logs on again (a
     * reconnect, {@code barys load}'s connections) does not cost the I/O thread a full derivation each time. A
     * wrong password always pays the full derivation; the remembered digest lives in the engine's memory only.
     */
    private static final class Hashed extends Secret
    {
        private final PasswordHash hash;
        private final byte[] pepper = new byte[16];
        private byte[] accepted;

        Hashed(final PasswordHash hash)
        {
            this.hash = hash;
            new java.security.SecureRandom().nextBytes(pepper);
        }

        @Override
        public boolean matches(final byte[] password)
        {
            final byte[] quick = quick(password);
            final byte[] remembered = accepted;
            if (remembered != null && MessageDigest.isEqual(remembered, quick))
            {
                return true;
            }
            if (hash.matches(password))
            {
                accepted = quick;
                return true;
            }
            return false;
        }

        private byte[] quick(final byte[] password)
        {
            final byte[] salted = new byte[pepper.length + password.length];
            System.arraycopy(pepper, 0, salted, 0, pepper.length);
            System.arraycopy(password, 0, salted, pepper.length, password.length);
            return PasswordHash.sha256(salted);
        }

        @Override
        boolean isPlain()
        {
            return false;
        }

        @Override
        void addHashTo(final java.util.List<PasswordHash> hashes)
        {
            hashes.add(hash);
        }
    }
}
