package kz.barys.engine.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on both gateway ports (docs/security.md): the engine's certificate and key from a keystore (PKCS#12 or
 * JKS), and, when a trust store is given, client certificates required and checked against it. TLS 1.3 only,
 * unless TLS 1.2 is allowed.
 *
 * @param keystore           the engine's certificate chain and private key ({@code gateway.tls.keystore})
 * @param keystorePassword   its password ({@code gateway.tls.keystore_password})
 * @param truststore         the certificates client certificates must chain to, or null for no client certificates
 * @param truststorePassword its password (may be empty)
 * @param allowTls12         TLS 1.2 accepted as well as 1.3 ({@code gateway.tls.allow_tls12})
 */
public record TlsOptions(Path keystore, String keystorePassword, Path truststore, String truststorePassword, boolean allowTls12)
{
    public static final String TLS13 = "TLSv1.3";
    public static final String TLS12 = "TLSv1.2";

    /** Whether clients must present a certificate. */
    public boolean clientCertificates()
    {
        return truststore != null;
    }

    /** The protocols offered. */
    public String[] protocols()
    {
        return allowTls12 ? new String[] {TLS13, TLS12} : new String[] {TLS13};
    }

    /**
     * The server's context, read once at start: a keystore or trust store that cannot be read is an error naming it.
     */
    public SSLContext serverContext()
    {
        try
        {
            final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keystore, keystorePassword, "gateway.tls.keystore"), keystorePassword.toCharArray());
            final TrustManagerFactory trust = truststore == null ? null : trustFactory(truststore, truststorePassword, "gateway.tls.truststore");
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("gateway.tls.keystore " + keystore + ": " + ex.getMessage(), ex);
        }
    }

    /** A server-side engine for one accepted connection. */
    public SSLEngine serverEngine(final SSLContext context)
    {
        final SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols());
        parameters.setNeedClientAuth(clientCertificates());
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * A client's context: trusts {@code truststore} (null: the JDK's default trust store) and presents the
     * certificate of {@code keystore} when one is given.
     */
    public static SSLContext clientContext(final Path truststore, final String truststorePassword, final Path keystore,
        final String keystorePassword)
    {
        try
        {
            final TrustManagerFactory trust = truststore == null ? null : trustFactory(truststore, truststorePassword, "trust store");
            KeyManagerFactory keys = null;
            if (keystore != null)
            {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keystore, keystorePassword, "keystore"), keystorePassword.toCharArray());
            }
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("TLS: " + ex.getMessage(), ex);
        }
    }

    /**
     * A client-side engine for {@code host} offering {@code protocols}, with the server's name checked against its
     * certificate (HTTPS rules: DNS name or IP address in the subject alternative names).
     */
    public static SSLEngine clientEngine(final SSLContext context, final String host, final int port, final String... protocols)
    {
        final SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static TrustManagerFactory trustFactory(final Path file, final String password, final String what)
        throws GeneralSecurityException
    {
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(file, password, what));
        return trust;
    }

    private static KeyStore load(final Path file, final String password, final String what) throws GeneralSecurityException
    {
        try
        {
            return KeyStore.getInstance(file.toFile(), password == null ? new char[0] : password.toCharArray());
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(what + " " + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public String toString()
    {
        return "TLS " + (allowTls12 ? "1.3 and 1.2" : "1.3") + (clientCertificates() ? ", client certificates required" : "");
    }
}
