package kz.barys.tools.client;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import kz.barys.engine.gateway.GatewayOptions;
import picocli.CommandLine.Option;

/**
 * The gateway addresses and users of the verbs that talk to a running engine ({@code client}, {@code load}): the
 * trading port, the operator port (default the trading port + 1, as the engine's), and who logs on to each.
 */
public final class GatewayLogins
{
    @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", description = "the engine's trading port")
    private String connect;

    @Option(names = "--operator", paramLabel = "HOST:PORT",
        description = "the engine's operator port (default: the trading port + 1)")
    private String operator;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "demo",
        description = "trading user (default: ${DEFAULT-VALUE})")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "demo",
        description = "trading user's password (default: ${DEFAULT-VALUE})")
    private String password;

    @Option(names = "--operator-user", paramLabel = "USER", defaultValue = "demo",
        description = "operator user (default: ${DEFAULT-VALUE})")
    private String operatorUser;

    @Option(names = "--operator-password", paramLabel = "PASSWORD", defaultValue = "demo",
        description = "operator user's password (default: ${DEFAULT-VALUE})")
    private String operatorPassword;

    @Option(names = "--tls", description = "speak TLS to the gateway (docs/security.md)")
    private boolean tls;

    @Option(names = "--truststore", paramLabel = "FILE",
        description = "with --tls: the certificates the gateway's must chain to (default: the JDK's trust store)")
    private Path truststore;

    @Option(names = "--truststore-password", paramLabel = "PASSWORD", defaultValue = "",
        description = "the trust store's password (default: none)")
    private String truststorePassword;

    @Option(names = "--keystore", paramLabel = "FILE",
        description = "with --tls: this client's certificate and key, for a gateway that requires client certificates")
    private Path keystore;

    @Option(names = "--keystore-password", paramLabel = "PASSWORD", defaultValue = "",
        description = "the keystore's password (default: none)")
    private String keystorePassword;

    @Option(names = "--tls12", description = "with --tls: allow TLS 1.2 as well as 1.3")
    private boolean tls12;

    /** TLS as the options say, or null for plain TCP. */
    public ClientTls tls()
    {
        if (!tls)
        {
            if (truststore != null || keystore != null || tls12)
            {
                throw new IllegalArgumentException("--truststore, --keystore and --tls12 need --tls");
            }
            return null;
        }
        return ClientTls.of(truststore, truststorePassword, keystore, keystorePassword, tls12);
    }

    /** The trading port's address. */
    public InetSocketAddress trading()
    {
        return GatewayClient.parseAddress(connect);
    }

    /** The operator port's address: {@code --operator}, else the trading port + 1 on the same host. */
    public InetSocketAddress operator()
    {
        if (operator != null)
        {
            return GatewayClient.parseAddress(operator);
        }
        final InetSocketAddress trading = trading();
        return InetSocketAddress.createUnresolved(trading.getHostString(), GatewayOptions.defaultOperatorPort(trading.getPort()));
    }

    /** Whether the operator address was given rather than derived from the trading port. */
    public boolean operatorGiven()
    {
        return operator != null;
    }

    public String user()
    {
        return user;
    }

    public String password()
    {
        return password;
    }

    public String operatorUser()
    {
        return operatorUser;
    }

    public String operatorPassword()
    {
        return operatorPassword;
    }
}
