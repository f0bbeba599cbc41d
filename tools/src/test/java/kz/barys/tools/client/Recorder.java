package kz.barys.tools.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.CancelRejectDecoder;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.MassCancelReportDecoder;
import kz.barys.engine.gateway.sbe.OperatorReportDecoder;

/** A fake counterparty's ears: every message as one line of text (the SBE decoders' own rendering). */
final class Recorder implements ClientListener
{
    final List<String> messages = new ArrayList<>();
    LogoutReason logoutReason;
    String disconnect;
    int lastReports;

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        messages.add(report.toString());
        lastReports += report.flags().lastReport() ? 1 : 0;
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        messages.add(reject.toString());
        lastReports += reject.flags().lastReport() ? 1 : 0;
    }

    @Override
    public void onMassCancelReport(final MassCancelReportDecoder report)
    {
        messages.add(report.toString());
        lastReports += report.flags().lastReport() ? 1 : 0;
    }

    @Override
    public void onOperatorReport(final OperatorReportDecoder report)
    {
        messages.add(report.toString());
        lastReports += report.flags().lastReport() ? 1 : 0;
    }

    @Override
    public void onBusinessReject(final BusinessRejectDecoder reject)
    {
        messages.add(reject.toString());
        lastReports += reject.flags().lastReport() ? 1 : 0;
    }

    @Override
    public void onLogout(final LogoutReason reason, final String text)
    {
        logoutReason = reason;
        messages.add("Logout " + text);
    }

    @Override
    public void onDisconnect(final String why)
    {
        disconnect = why;
    }

    String last()
    {
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
    }

    /** Polls until {@code condition} holds; fails after 10 s. */
    static void await(final GatewayClient client, final BooleanSupplier condition) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            client.flush();
            if (client.poll() == 0)
            {
                Thread.onSpinWait();
            }
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting");
            }
        }
    }
}
