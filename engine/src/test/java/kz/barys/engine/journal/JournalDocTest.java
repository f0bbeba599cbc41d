package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/journal.md against the codecs sbe-tool generates from barys-journal.xml: every record's template id, name and
 * block length, every field's offset and name, and every enum code. The page cannot drift from the journal format.
 */
class JournalDocTest
{
    private static final String PACKAGE = "kz.barys.engine.journal.sbe.";
    private static final String[] MESSAGES = {
        "Header", "Batch", "SnapshotMarker", "Discard", "Markets", "Command", "NewOrder", "Cancel", "Replace",
        "Accepted", "Trade", "Canceled", "Replaced", "Rejected", "Deposited", "Withdrawn", "Suspended", "Resumed",
        "Halted", "Unhalted", "MassCanceled", "Session", "ReferenceSet", "Transfer", "SymbolCanceled", "TradeBusted", "DepositRepeated",
        "WithdrawalRepeated", "OrderAnswer", "EndOfOrders", "BalanceAnswer", "EndOfBalances", "Triggered"};
    private static final String[] ENUMS = {
        "BooleanType", "CommandType", "Side", "OrderType", "TimeInForce", "StpMode", "CancelReason", "RejectReason", "SessionEventType",
        "LogonRefusal"};

    @Test
    void everyRecordFieldAndEnumCodeOfTheSchemaIsDocumentedWhereItIs() throws Exception
    {
        final String doc = doc();
        final List<String> missing = new ArrayList<>();
        for (final String name : MESSAGES)
        {
            final Class<?> decoder = Class.forName(PACKAGE + name + "Decoder");
            final int template = decoder.getField("TEMPLATE_ID").getInt(null);
            final int block = decoder.getField("BLOCK_LENGTH").getInt(null);
            final String row = "| " + template + " | `" + name + "` | " + block + " |";
            if (!doc.contains(row))
            {
                missing.add(row);
            }
            final String heading = "### " + name + " (template " + template + ")";
            if (!doc.contains(heading))
            {
                missing.add(heading);
                continue;
            }
            final String section = section(doc, heading);
            for (final Method method : decoder.getMethods())
            {
                if (Modifier.isStatic(method.getModifiers()) && method.getName().endsWith("EncodingOffset")
                    && method.getDeclaringClass() == decoder)
                {
                    final String field = method.getName().substring(0, method.getName().length() - "EncodingOffset".length());
                    final String fieldRow = "| " + method.invoke(null) + " | `" + field + "` |";
                    if (!section.contains(fieldRow))
                    {
                        missing.add(name + " " + fieldRow);
                    }
                }
            }
        }
        for (final String name : ENUMS)
        {
            final String heading = "#### `" + name + "` (uint8)";
            if (!doc.contains(heading))
            {
                missing.add(heading);
                continue;
            }
            final String section = section(doc, heading);
            for (final Object value : Class.forName(PACKAGE + name).getEnumConstants())
            {
                final Enum<?> code = (Enum<?>)value;
                if (!code.name().equals("NULL_VAL"))
                {
                    final String codeRow = "| " + value.getClass().getMethod("value").invoke(value) + " | `" + code.name() + "` |";
                    if (!section.contains(codeRow))
                    {
                        missing.add(name + " " + codeRow);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(doc).contains(
            "schema id **" + JournalFormat.SCHEMA_ID + "**",
            "schema version **" + JournalFormat.SCHEMA_VERSION + "**",
            "**format " + JournalFormat.VERSION + "**",
            "barys journal --convert --data OLD --output NEW");
    }

    @Test
    void theCompatibilityRuleIsStated()
    {
        final String rule = section(doc(), "## Compatibility");
        assertThat(rule).contains("refuses a journal of any other format", "sinceVersion", "**stops**");
    }

    /** From {@code heading} to the next heading of the same or a higher level. */
    private static String section(final String doc, final String heading)
    {
        final int start = doc.indexOf(heading);
        final String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.length();
        for (String prefix = level; prefix.length() >= 3; prefix = prefix.substring(1))
        {
            final int next = doc.indexOf("\n" + prefix, start + heading.length());
            if (next >= 0)
            {
                end = Math.min(end, next);
            }
        }
        return doc.substring(start, end);
    }

    private static String doc()
    {
        try
        {
            final Path root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
            return Files.readString(root.resolve("docs/journal.md"));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
