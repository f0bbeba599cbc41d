package kz.barys.engine.gateway;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password kept as a salted, slow hash: PBKDF2-HMAC-SHA256 from the JDK (docs/security.md says why and with
 * which parameters). The text form, the value of a {@code password_hash} key and what {@code barys passwd}
 * prints, is {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} with SALT and HASH in base64.
 *
 * <p>The check is constant-time by construction: the whole derived key is always computed, whatever was typed,
 * and compared with {@link MessageDigest#isEqual}, whose time depends on the length only (always 32 bytes).
 */
public final class PasswordHash
{
    public static final String SCHEME = "pbkdf2-sha256";
    /** What {@code barys passwd} uses: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer are refused: below this the hash is no longer slow (tests use this floor to stay fast). */
    public static final int MIN_ITERATIONS = 1_000;
    public static final int MAX_ITERATIONS = 100_000_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(final int iterations, final byte[] salt, final byte[] hash)
    {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(final char[] password, final int iterations)
    {
        checkIterations(iterations);
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the value: it is a secret's hash)
     */
    public static PasswordHash parse(final String text)
    {
        final String[] parts = text.trim().split(":", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0]))
        {
            throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH, as `barys passwd` prints");
        }
        final int iterations;
        final byte[] salt;
        final byte[] hash;
        try
        {
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH with a number and base64 (" + ex.getMessage() + ")");
        }
        checkIterations(iterations);
        if (salt.length < SALT_BYTES || hash.length != HASH_BYTES)
        {
            throw new IllegalArgumentException("salt of at least " + SALT_BYTES + " bytes and hash of " + HASH_BYTES + " bytes expected");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    private static void checkIterations(final int iterations)
    {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
        {
            throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
    }

    /** Whether {@code password} (ASCII bytes, as the Logon carries it) hashes to this. */
    public boolean matches(final byte[] password)
    {
        final char[] chars = new char[password.length];
        for (int i = 0; i < chars.length; i++)
        {
            chars[i] = (char)(password[i] & 0x7F); // the Logon's password is printable ASCII (Credentials checks the configured ones)
        }
        try
        {
            return matches(chars);
        }
        finally
        {
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether {@code password} hashes to this: always the full derivation, then a constant-time compare. */
    public boolean matches(final char[] password)
    {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public int iterations()
    {
        return iterations;
    }

    /** The text form, {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. */
    public String text()
    {
        return SCHEME + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
            + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public String toString()
    {
        return SCHEME + " (" + iterations + " iterations)"; // never the hash itself: it could be attacked offline
    }

    static byte[] derive(final char[] password, final byte[] salt, final int iterations)
    {
        final PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try
        {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 8+ runtime", ex);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot derive a key with " + ALGORITHM, ex);
        }
        finally
        {
            spec.clearPassword();
        }
    }

    /** SHA-256 of {@code bytes}: a fixed-length value, so that comparing two of them takes the same time for any input. */
    static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
