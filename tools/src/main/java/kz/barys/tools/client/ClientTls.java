package kz.barys.tools.client;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import kz.barys.engine.gateway.TlsOptions;

/**
 * How a client speaks TLS to the gateway: the context (trust store, optional client certificate) and the protocols
 * it offers (TLS 1.3, and 1.2 when allowed).
 */
public record ClientTls(SSLContext context, String... protocols)
{
    /**
     * @param truststore the certificates the gateway's must chain to (null: the JDK's default trust store)
     * @param keystore   a client certificate and key for gateways that require one, or null
     */
    public static ClientTls of(final Path truststore, final String truststorePassword, final Path keystore,
        final String keystorePassword, final boolean allowTls12)
    {
        return new ClientTls(TlsOptions.clientContext(truststore, truststorePassword, keystore, keystorePassword),
            allowTls12 ? new String[] {TlsOptions.TLS13, TlsOptions.TLS12} : new String[] {TlsOptions.TLS13});
    }
}
