package kz.barys.tools.client;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import kz.barys.engine.gateway.TlsOptions;

/**
 * How a client speaks TLS to the gateway: the context (trust store, optional client certificate) and whether TLS
 * 1.2 may be negotiated.
 */
public record ClientTls(SSLContext context, boolean allowTls12)
{
    /**
     * @param truststore the certificates the gateway's must chain to (null: the JDK's default trust store)
     * @param keystore   a client certificate and key for gateways that require one, or null
     */
    public static ClientTls of(final Path truststore, final String truststorePassword, final Path keystore,
        final String keystorePassword, final boolean allowTls12)
    {
        return new ClientTls(TlsOptions.clientContext(truststore, truststorePassword, keystore, keystorePassword), allowTls12);
    }
}
