package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.TextEngine;

/** `barys journal --commands` must print commands that replay to the same outcome, whatever the input was. */
class CommandTextWriterTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.015",
        "NEW account=1 id=2 symbol=ETH-KZT side=SELL type=MARKET qty=0.5 stp=NONE",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=MARKET quote_qty=150000",
        "NEW account=1 id=2 symbol=DOGE-KZT side=BUY type=LIMIT price=5 qty=1",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=99999999999999 qty=1",
        "NEW account=99999999999999999999 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=1 qty=1",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=0.000000001 qty=1",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=-5 qty=0",
        "NEW account=1 id=2 symbol=BTC-KZT side=buy type=LIMIT price=5 qty=1",
        "REPLACE account=3 id=4 new_id=5 price=100 qty=0.2",
        "CANCEL account=3 id=4",
        "CANCEL_ALL account=3",
        "CANCEL_ALL account=3 symbol=ETH-KZT",
        "CANCEL_ALL account=3 symbol=NOPE",
        "DEPOSIT account=7 currency=KZT amount=12.5",
        "WITHDRAW account=7 currency=XYZ amount=1",
        "DEPOSIT account=7 currency=KZT amount=1e5",
        "SUSPEND account=9",
        "RESUME account=9",
        "HALT symbol=USDT-KZT",
        "UNHALT symbol=NOPE",
        "SET_REFERENCE symbol=USDT-KZT price=512.37",
        "SET_REFERENCE symbol=NOPE price=1",
        "SET_REFERENCE symbol=BTC-KZT price=99999999999999",
        "SET_REFERENCE symbol=BTC-KZT price=0",
        "FROB account=1 id=3",
        "NEW id=3",
        "CANCEL_ORDER account=3 id=4",
        "CANCEL_SYMBOL symbol=ETH-KZT",
        "CANCEL_SYMBOL symbol=NOPE",
        "BUST trade=17",
        "BUST trade=99999999999999999999",
        "DEPOSIT account=7 currency=KZT amount=12.5 ref=bank:2026-12-07.1",
        "WITHDRAW account=7 currency=KZT amount=12.5 ref=w_1 time=1765000000000",
        "ORDER_STATUS account=3 id=4",
        "ORDER_STATUS account=99999999999999999999 id=4",
        "OPEN_ORDERS account=3",
        "OPEN_ORDERS account=3 symbol=ETH-KZT",
        "OPEN_ORDERS account=3 symbol=NOPE",
        "BALANCES account=3",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=GTD expire=1765000000000 price=50000000 qty=0.015",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=GTD expire=0 price=50000000 qty=0.015",
        "CLOCK time=1765000000000"})
    void writtenCommandsReparseToTheSameOutcome(final String line)
    {
        final Command original = parse(line);
        final String written = new CommandTextWriter(CONFIG).write(original);

        assertThat(outcome(written)).isEqualTo(outcome(line));
        final Command reparsed = parse(written);
        assertThat(reparsed.type).isEqualTo(original.type);
        assertThat(reparsed.account).isEqualTo(original.account);
        assertThat(reparsed.id).isEqualTo(original.id);
        assertThat(reparsed.expireMillis).isEqualTo(original.expireMillis);
        assertThat(reparsed.timestampNanos).isEqualTo(original.timestampNanos);
    }

    @Test
    void anUnknownNameIsWrittenAsSentAndStillReparsesAsUnknown()
    {
        final Command command = parse("HALT symbol=NOPE");
        assertThat(new CommandTextWriter(CONFIG).write(command)).isEqualTo("HALT symbol=NOPE time=0");

        // From the wire: 16 bytes, NUL-padded, anything in them; what cannot stand in a token is written as '?'.
        final byte[] field = "A B#C\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        command.unknownName(new org.agrona.concurrent.UnsafeBuffer(java.util.Arrays.copyOf(field, 16)), 0);
        final String written = new CommandTextWriter(CONFIG).write(command);
        assertThat(written).isEqualTo("HALT symbol=A?B?C? time=0");
        assertThat(outcome(written)).isEqualTo(outcome("HALT symbol=NOPE"));

        final Command longer = parse("UNHALT symbol=ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(longer.unknownNameLength).isEqualTo(26);
        assertThat(new CommandTextWriter(CONFIG).write(longer)).isEqualTo("UNHALT symbol=ABCDEFGHIJKLMNOP... time=0");
    }

    private static Command parse(final String line)
    {
        final Command command = new Command();
        final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new CommandParser(CONFIG).parse(bytes, 0, bytes.length, command)).isTrue();
        return command;
    }

    /** The events the line causes on an engine with some funds, so that rejects show their real reason. */
    private static List<String> outcome(final String line)
    {
        final TextEngine engine = new TextEngine(CONFIG);
        engine.apply("DEPOSIT account=1 currency=KZT amount=100000000");
        engine.apply("DEPOSIT account=1 currency=ETH amount=10");
        engine.apply("DEPOSIT account=3 currency=ETH amount=10");
        engine.apply("DEPOSIT account=7 currency=KZT amount=100");
        engine.apply("NEW account=3 id=4 symbol=ETH-KZT side=SELL type=LIMIT price=2000000 qty=1");
        return engine.apply(line);
    }
}
