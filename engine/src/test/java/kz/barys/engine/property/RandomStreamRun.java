package kz.barys.engine.property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import kz.barys.engine.config.EngineConfig;

/**
 * A long random stream of one {@link StreamProfile}, in sessions: each session is a fresh engine and model fed
 * the profile's preamble and then {@code sessionLength} generated commands, checked after every command by
 * {@link EngineVersusModel}. On the first difference the session's commands are written to
 * {@code target/random-streams/} (a ready fixture) and an {@link AssertionError} names the file, the seed
 * and the last commands. {@link #coverage()} counts the corners the stream reached.
 */
final class RandomStreamRun
{
    private static final int REPORT_TAIL = 40;

    private final StreamProfile profile;
    private final long seed;
    private final int sessionLength;
    private final EngineConfig config;
    private final Map<String, Long> coverage = new TreeMap<>();
    /** Order numbers of the stops pending in the current session, to tell an expired stop from an expired order. */
    private final java.util.Set<String> pendingStops = new java.util.HashSet<>();
    private long commands;

    RandomStreamRun(final StreamProfile profile, final long seed, final int sessionLength)
    {
        this.profile = profile;
        this.seed = seed;
        this.sessionLength = sessionLength;
        this.config = EngineConfig.parse(profile.config());
    }

    /** Runs sessions until at least {@code total} commands have been checked. */
    RandomStreamRun run(final long total)
    {
        return run(total, 0);
    }

    /** The same, printing a progress line every {@code progressEvery} commands (0: never). */
    RandomStreamRun run(final long total, final long progressEvery)
    {
        final long start = System.nanoTime();
        long nextProgress = progressEvery;
        for (int session = 0; commands < total; session++)
        {
            session(session);
            if (progressEvery > 0 && commands >= nextProgress)
            {
                System.out.printf("random streams: profile %s seed %d: %,d commands checked in %.0f s%n",
                    profile.name(), seed, commands, (System.nanoTime() - start) / 1e9);
                nextProgress += progressEvery;
            }
        }
        return this;
    }

    long commands()
    {
        return commands;
    }

    /** How often each corner was reached: event verbs and reasons, self-trades, cut self-trades, fees. */
    Map<String, Long> coverage()
    {
        return coverage;
    }

    private void session(final int session)
    {
        final Random random = new Random(seed * 1_000_003L + session);
        final CommandGenerator generator = new CommandGenerator(random, profile);
        final EngineVersusModel both = new EngineVersusModel(config, profile.config());
        final List<String> lines = new ArrayList<>(CommandGenerator.preamble(profile));
        pendingStops.clear();
        final int preamble = lines.size();
        for (int i = 0; i < preamble + sessionLength; i++)
        {
            if (i >= preamble)
            {
                lines.add(generator.next());
            }
            final List<String> actual;
            try
            {
                actual = both.apply(lines.get(i));
            }
            catch (final EngineVersusModel.Divergence divergence)
            {
                throw new AssertionError(report(session, lines, divergence.getMessage()), divergence);
            }
            count(actual);
            for (final String event : actual)
            {
                if (event.startsWith("TRADE "))
                {
                    generator.traded(Long.parseLong(EngineInvariants.fields(event).get("trade")));
                }
            }
            commands++;
        }
        countIfAny("CONFIG applied", both.marketChangesApplied());
        countIfAny("CONFIG refused", both.marketChangesRefused());
    }

    /** A corner is in {@link #coverage()} only once reached: a key with 0 would pass a check that it was. */
    private void countIfAny(final String corner, final long times)
    {
        if (times > 0)
        {
            coverage.merge(corner, times, Long::sum);
        }
    }

    private void count(final List<String> events)
    {
        String selfTrader = null;
        int triggered = 0;
        for (final String event : events)
        {
            final String verb = EngineInvariants.verb(event);
            final Map<String, String> f = EngineInvariants.fields(event);
            switch (verb)
            {
                case "REJECTED", "CANCELED" -> coverage.merge(verb + " " + f.get("reason"), 1L, Long::sum);
                case "TRADE" ->
                {
                    coverage.merge("TRADE", 1L, Long::sum);
                    if (f.get("maker_account").equals(f.get("taker_account")))
                    {
                        coverage.merge("TRADE self-trade (stp=NONE)", 1L, Long::sum);
                        selfTrader = f.get("taker_account") + "/" + f.get("taker_id");
                    }
                    if (!"0".equals(f.get("taker_fee")) || !"0".equals(f.get("maker_fee")))
                    {
                        coverage.merge("TRADE with fees", 1L, Long::sum);
                    }
                }
                default -> coverage.merge("true".equals(f.get("duplicate")) ? verb + " duplicate" : verb, 1L, Long::sum);
            }
            if ("ACCEPTED".equals(verb) && f.containsKey("display_qty"))
            {
                coverage.merge("ACCEPTED iceberg", 1L, Long::sum);
            }
            if ("TRIGGERED".equals(verb) && ++triggered == 2)
            {
                coverage.merge("TRIGGERED cascade (two or more in one command)", 1L, Long::sum);
            }
            if ("ACCEPTED".equals(verb) && "PENDING".equals(f.get("status")))
            {
                coverage.merge("ACCEPTED PENDING", 1L, Long::sum);
                pendingStops.add(f.get("order"));
            }
            if ("TRIGGERED".equals(verb))
            {
                pendingStops.remove(f.get("order"));
            }
            if ("CANCELED".equals(verb) && pendingStops.remove(f.get("order")) && "EXPIRED".equals(f.get("reason")))
            {
                coverage.merge("CANCELED EXPIRED pending stop", 1L, Long::sum);
            }
            if ("ORDER".equals(verb) && f.get("type").startsWith("STOP_"))
            {
                coverage.merge("ORDER pending stop", 1L, Long::sum);
            }
            if ("CANCELED".equals(verb) && "INSUFFICIENT_FUNDS".equals(f.get("reason"))
                && (f.get("account") + "/" + f.get("id")).equals(selfTrader))
            {
                coverage.merge("self-trade then INSUFFICIENT_FUNDS (issue 10)", 1L, Long::sum);
            }
        }
    }

    private String report(final int session, final List<String> lines, final String what)
    {
        final Path file = Path.of("target", "random-streams",
            profile.name() + "-seed" + seed + "-session" + session + ".txt");
        try
        {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final StringBuilder sb = new StringBuilder();
        sb.append("profile ").append(profile.name()).append(", seed ").append(seed).append(", session ").append(session)
            .append(", command ").append(lines.size()).append(" of the session (").append(commands)
            .append(" checked before it): ").append(what).append("\nthe session's commands: ")
            .append(file.toAbsolutePath()).append("\nits last commands:\n");
        for (int i = Math.max(0, lines.size() - REPORT_TAIL); i < lines.size(); i++)
        {
            sb.append("  ").append(lines.get(i)).append('\n');
        }
        return sb.toString();
    }
}
