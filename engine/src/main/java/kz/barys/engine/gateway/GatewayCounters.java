package kz.barys.engine.gateway;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import kz.barys.engine.counters.CounterType;

/**
 * The gateway's figures as Agrona counters, readable from another process through the counters file (as
 * Aeron's {@code AeronStat} reads Aeron's). Written by the I/O thread only, so updates are plain single-writer
 * releases, never a contended atomic add.
 *
 * <p>Type ids (the counter's type in the counters file), one per figure:
 * <table>
 * <tr><th>type id</th><th>label</th></tr>
 * <tr><td>200</td><td>gateway sessions open</td></tr>
 * <tr><td>201</td><td>gateway logons</td></tr>
 * <tr><td>202</td><td>gateway logons refused</td></tr>
 * <tr><td>203</td><td>gateway slow consumers disconnected</td></tr>
 * <tr><td>204</td><td>gateway messages in</td></tr>
 * <tr><td>205</td><td>gateway messages out</td></tr>
 * <tr><td>206</td><td>gateway protocol rejects</td></tr>
 * <tr><td>207</td><td>gateway errors</td></tr>
 * <tr><td>208</td><td>gateway logons throttled</td></tr>
 * <tr><td>209</td><td>gateway tls failures</td></tr>
 * <tr><td>210</td><td>gateway messages throttled</td></tr>
 * </table>
 */
public final class GatewayCounters implements AutoCloseable
{
    public static final int SESSIONS_OPEN_TYPE_ID = CounterType.GATEWAY_SESSIONS_OPEN.id();
    public static final int LOGONS_TYPE_ID = CounterType.GATEWAY_LOGONS.id();
    public static final int LOGONS_REFUSED_TYPE_ID = CounterType.GATEWAY_LOGONS_REFUSED.id();
    public static final int SLOW_CONSUMERS_TYPE_ID = CounterType.GATEWAY_SLOW_CONSUMERS.id();
    public static final int MESSAGES_IN_TYPE_ID = CounterType.GATEWAY_MESSAGES_IN.id();
    public static final int MESSAGES_OUT_TYPE_ID = CounterType.GATEWAY_MESSAGES_OUT.id();
    public static final int PROTOCOL_REJECTS_TYPE_ID = CounterType.GATEWAY_PROTOCOL_REJECTS.id();
    public static final int ERRORS_TYPE_ID = CounterType.GATEWAY_ERRORS.id();
    public static final int LOGONS_THROTTLED_TYPE_ID = CounterType.GATEWAY_LOGONS_THROTTLED.id();
    public static final int TLS_FAILURES_TYPE_ID = CounterType.GATEWAY_TLS_FAILURES.id();
    public static final int MESSAGES_THROTTLED_TYPE_ID = CounterType.GATEWAY_MESSAGES_THROTTLED.id();

    /** Connections with a session (awaiting logon, active or closing). */
    AtomicCounter sessionsOpen;
    AtomicCounter logons;
    /** Logons answered with a Logout: bad credentials, accounts not allowed, malformed Logon. */
    AtomicCounter logonsRefused;
    /** Sessions disconnected because they did not read their reports. */
    AtomicCounter slowConsumers;
    /** Whole frames read from clients. */
    AtomicCounter messagesIn;
    /** Frames queued to clients (reports, session messages, rejects). */
    AtomicCounter messagesOut;
    /** BusinessRejects and framing errors: requests the gateway could not take. */
    AtomicCounter protocolRejects;
    /** Errors given to the gateway's error handler, and exceptions out of its duty cycle. */
    AtomicCounter errors;
    /** Logons refused THROTTLED, unchecked (counted in logonsRefused too). */
    AtomicCounter logonsThrottled;
    /** Connections closed because TLS failed (not TLS, handshake, client certificate). */
    AtomicCounter tlsFailures;
    /** Messages answered THROTTLED, and the last message of each session logged out for its rate (CONTRACT 10.5). */
    AtomicCounter messagesThrottled;

    public GatewayCounters(final CountersManager manager)
    {
        allocateIn(manager);
    }

    /**
     * Moves the counters, with their values, into {@code manager} (the engine's counters file, which exists only once
     * the engine has started: the gateway is created before it). Call before {@link Gateway#start}: the I/O thread
     * sees the new counters from its start.
     */
    public void moveTo(final CountersManager manager)
    {
        final AtomicCounter[] before = {sessionsOpen, logons, logonsRefused, slowConsumers, messagesIn, messagesOut,
            protocolRejects, errors, logonsThrottled, tlsFailures, messagesThrottled};
        allocateIn(manager);
        final AtomicCounter[] after = {sessionsOpen, logons, logonsRefused, slowConsumers, messagesIn, messagesOut,
            protocolRejects, errors, logonsThrottled, tlsFailures, messagesThrottled};
        for (int i = 0; i < before.length; i++)
        {
            after[i].setOrdered(before[i].get());
            before[i].close();
        }
    }

    private void allocateIn(final CountersManager manager)
    {
        sessionsOpen = manager.newCounter("gateway sessions open", SESSIONS_OPEN_TYPE_ID);
        logons = manager.newCounter("gateway logons", LOGONS_TYPE_ID);
        logonsRefused = manager.newCounter("gateway logons refused", LOGONS_REFUSED_TYPE_ID);
        slowConsumers = manager.newCounter("gateway slow consumers disconnected", SLOW_CONSUMERS_TYPE_ID);
        messagesIn = manager.newCounter("gateway messages in", MESSAGES_IN_TYPE_ID);
        messagesOut = manager.newCounter("gateway messages out", MESSAGES_OUT_TYPE_ID);
        protocolRejects = manager.newCounter("gateway protocol rejects", PROTOCOL_REJECTS_TYPE_ID);
        errors = manager.newCounter("gateway errors", ERRORS_TYPE_ID);
        logonsThrottled = manager.newCounter("gateway logons throttled", LOGONS_THROTTLED_TYPE_ID);
        tlsFailures = manager.newCounter("gateway tls failures", TLS_FAILURES_TYPE_ID);
        messagesThrottled = manager.newCounter("gateway messages throttled", MESSAGES_THROTTLED_TYPE_ID);
    }

    public long sessionsOpen()
    {
        return sessionsOpen.get();
    }

    public long logons()
    {
        return logons.get();
    }

    public long logonsRefused()
    {
        return logonsRefused.get();
    }

    public long slowConsumers()
    {
        return slowConsumers.get();
    }

    public long messagesIn()
    {
        return messagesIn.get();
    }

    public long messagesOut()
    {
        return messagesOut.get();
    }

    public long protocolRejects()
    {
        return protocolRejects.get();
    }

    public long errors()
    {
        return errors.get();
    }

    public long logonsThrottled()
    {
        return logonsThrottled.get();
    }

    public long tlsFailures()
    {
        return tlsFailures.get();
    }

    public long messagesThrottled()
    {
        return messagesThrottled.get();
    }

    /** The errors counter, for the {@link org.agrona.concurrent.AgentRunner} to count exceptions out of the duty cycle. */
    AtomicCounter errorCounter()
    {
        return errors;
    }

    /** Frees the counters in their manager. */
    @Override
    public void close()
    {
        sessionsOpen.close();
        logons.close();
        logonsRefused.close();
        slowConsumers.close();
        messagesIn.close();
        messagesOut.close();
        protocolRejects.close();
        errors.close();
        logonsThrottled.close();
        tlsFailures.close();
        messagesThrottled.close();
    }
}
