package kz.barys.tools.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test-only keystores, made at test time with the JDK's keytool (nothing secret is committed): a server key and
 * certificate for 127.0.0.1, a trust store that trusts it, a second ("wrong") server whose certificate nothing
 * trusts, and a client certificate with a trust store for it. EC P-256 keys, valid for two days, all with password
 * {@link #PASSWORD}.
 */
final class TestCertificates
{
    static final String PASSWORD = "test-only";

    final Path server;
    final Path serverTrust;
    final Path otherServer;
    final Path client;
    final Path clientTrust;

    private TestCertificates(final Path dir)
    {
        server = dir.resolve("server.p12");
        serverTrust = dir.resolve("server-trust.p12");
        otherServer = dir.resolve("other-server.p12");
        client = dir.resolve("client.p12");
        clientTrust = dir.resolve("client-trust.p12");
    }

    static TestCertificates create(final Path dir) throws IOException, InterruptedException
    {
        final TestCertificates made = new TestCertificates(dir);
        keyPair(made.server, "server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        trust(made.server, "server", made.serverTrust, dir.resolve("server.crt"));
        keyPair(made.otherServer, "server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        keyPair(made.client, "client", "CN=test-client", null);
        trust(made.client, "client", made.clientTrust, dir.resolve("client.crt"));
        return made;
    }

    private static void keyPair(final Path store, final String alias, final String name, final String san)
        throws IOException, InterruptedException
    {
        final List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", name, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
            "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null)
        {
            args.addAll(List.of("-ext", san));
        }
        keytool(args);
    }

    private static void trust(final Path store, final String alias, final Path trustStore, final Path certificate)
        throws IOException, InterruptedException
    {
        keytool(List.of("-exportcert", "-alias", alias, "-keystore", store.toString(), "-storepass", PASSWORD,
            "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
            "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
    }

    private static void keytool(final List<String> args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
