package kz.barys.tools.md;

import java.io.IOException;
import java.nio.file.Path;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;

/** The market page of {@code barys md --http}, for other commands to serve (the demo does, while it runs). */
public final class MarketPage implements AutoCloseable
{
    private final MdHttpServer server;

    private MarketPage(final MdHttpServer server)
    {
        this.server = server;
    }

    /** Serves the page of the journal in {@code data} (written under {@code config}) on 127.0.0.1:{@code port} (0: a free port). */
    public static MarketPage serve(final Path data, final EngineConfig config, final int port) throws IOException
    {
        return new MarketPage(MdHttpServer.start(port, MarketDataTailer.builder(data).config(config).from(JoinPoint.start()),
            MdHttpServer.DEFAULT_DEPTH));
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public String url()
    {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    @Override
    public void close()
    {
        server.close();
    }
}
