package kz.barys.cluster;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;

/**
 * The clustered service's state as one byte string, for Aeron Cluster's snapshots: where the service stands
 * (last sequence, last command time, the gateways' last applied sequences), the markets' fingerprint and the
 * {@link CoreSnapshot} bytes with their digest, checked on load. Layout (docs/cluster.md, "Snapshots"):
 *
 * <pre>
 * totalLength int, MAGIC int, VERSION int, lastSequence long, lastTimeNanos long, digest long,
 * fingerprint (int length + UTF-8), applied sequences (AppliedSequences.write), recent outcomes (OutcomeRing.write),
 * core (int length + bytes)
 * </pre>
 */
final class ServiceSnapshot
{
    static final int MAGIC = 0x43595242; // "BRYC"
    static final int VERSION = 1;

    /** What a snapshot holds once read. */
    record Loaded(MatchingCore core, long lastSequence, long lastTimeNanos, long digest)
    {
    }

    private ServiceSnapshot()
    {
    }

    /** Writes the state at 0 of {@code out}; returns the length. */
    static int write(
        final MatchingCore core, final long lastSequence, final long lastTimeNanos, final AppliedSequences applied,
        final OutcomeRing outcomes, final ExpandableArrayBuffer out, final ExpandableArrayBuffer scratch)
    {
        final int coreLength = CoreSnapshot.write(core, scratch);
        final long digest = CoreSnapshot.digest(scratch.byteArray(), 0, coreLength);
        final byte[] fingerprint = core.config().fingerprint().getBytes(StandardCharsets.UTF_8);
        int p = 4;
        out.putInt(p, MAGIC);
        out.putInt(p + 4, VERSION);
        out.putLong(p + 8, lastSequence);
        out.putLong(p + 16, lastTimeNanos);
        out.putLong(p + 24, digest);
        p += 32;
        out.putInt(p, fingerprint.length);
        out.putBytes(p + 4, fingerprint);
        p += 4 + fingerprint.length;
        p = applied.write(out, p);
        p = outcomes.write(out, p);
        out.putInt(p, coreLength);
        out.putBytes(p + 4, scratch, 0, coreLength);
        p += 4 + coreLength;
        out.putInt(0, p);
        return p;
    }

    /**
     * Reads a snapshot written by {@link #write}, filling {@code applied}; refuses one of other markets than
     * {@code config}, or whose core bytes or rebuilt core do not give the digest written with them.
     */
    static Loaded read(final DirectBuffer in, final int length, final EngineConfig config, final int maxOrders, final AppliedSequences applied,
        final OutcomeRing outcomes)
    {
        check(length >= 36 && in.getInt(0) == length, "snapshot length " + length + " differs from the one it states");
        check(in.getInt(4) == MAGIC, "not a Barys cluster snapshot");
        check(in.getInt(8) == VERSION, "snapshot version " + in.getInt(8) + ", this build reads " + VERSION);
        final long lastSequence = in.getLong(12);
        final long lastTimeNanos = in.getLong(20);
        final long digest = in.getLong(28);
        int p = 36;
        final int fingerprintLength = in.getInt(p);
        final String fingerprint = in.getStringWithoutLengthUtf8(p + 4, fingerprintLength);
        p += 4 + fingerprintLength;
        check(fingerprint.equals(config.fingerprint()),
            "the snapshot was taken under other markets than the configuration's: every node needs the same markets");
        p = applied.read(in, p);
        p = outcomes.read(in, p);
        final int coreLength = in.getInt(p);
        p += 4;
        check(p + coreLength == length, "snapshot core length " + coreLength + " does not end the snapshot");
        final byte[] coreBytes = new byte[coreLength];
        in.getBytes(p, coreBytes);
        check(CoreSnapshot.digest(coreBytes, 0, coreLength) == digest, "snapshot bytes do not give the digest written with them");
        final MatchingCore core = CoreSnapshot.read(config, maxOrders, new org.agrona.concurrent.UnsafeBuffer(coreBytes), 0, coreLength);
        check(CoreSnapshot.digest(core) == digest, "the core rebuilt from the snapshot does not give its digest");
        return new Loaded(core, lastSequence, lastTimeNanos, digest);
    }

    private static void check(final boolean condition, final String problem)
    {
        if (!condition)
        {
            throw new IllegalStateException("cluster snapshot: " + problem);
        }
    }
}
