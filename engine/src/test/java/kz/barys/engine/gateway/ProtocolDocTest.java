package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.gateway.sbe.LogonDecoder;

/**
 * docs/protocol.md against the codecs sbe-tool generates from the schema: every message's template id, name and
 * block length, every field's offset and name, and every enum's codes. The document cannot drift from the wire
 * format.
 */
class ProtocolDocTest
{
    private static final String[] MESSAGES = {
        "Logon", "LogonAck", "Logout", "Heartbeat", "NewOrder", "CancelOrder", "ReplaceOrder", "MassCancel",
        "Deposit", "Withdraw", "Suspend", "Resume", "Halt", "Unhalt", "SetReference",
        "ExecutionReport", "CancelReject", "MassCancelReport", "OperatorReport", "BusinessReject",
        "OperatorCancel", "CancelSymbol", "Bust", "DepositWithRef", "WithdrawWithRef", "BustReport",
        "OrderStatusRequest", "OpenOrdersRequest", "BalancesRequest", "OrderReport", "BalanceReport"};

    private static final String[] ENUMS = {
        "BooleanType", "Side", "OrdType", "TimeInForce", "StpMode", "ExecType", "OrdStatus", "Liquidity", "CancelReason",
        "RejectReason", "CancelRequestType", "OperatorEventType", "CancelOnDisconnect", "LogoutReason", "BusinessRejectReason"};

    @Test
    void everyEnumCodeIsDocumented() throws Exception
    {
        final String doc = Files.readString(root().resolve("docs/protocol.md"));
        final List<String> missing = new ArrayList<>();
        for (final String name : ENUMS)
        {
            final Class<?> type = Class.forName("kz.barys.engine.gateway.sbe." + name);
            final StringBuilder row = new StringBuilder("| `" + name + "` | ");
            String separator = "";
            for (final Object constant : type.getEnumConstants())
            {
                if (!"NULL_VAL".equals(constant.toString()))
                {
                    row.append(separator).append(constant).append(' ').append(type.getMethod("value").invoke(constant));
                    separator = ", ";
                }
            }
            if (!doc.contains(row.append(" |")))
            {
                missing.add(row.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Path root()
    {
        return Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void everyTemplateAndFieldOfTheSchemaIsDocumentedWhereItIs() throws Exception
    {
        final String doc = Files.readString(root().resolve("docs/protocol.md"));
        final List<String> missing = new ArrayList<>();
        for (final String name : MESSAGES)
        {
            final Class<?> decoder = Class.forName("kz.barys.engine.gateway.sbe." + name + "Decoder");
            final int template = decoder.getField("TEMPLATE_ID").getInt(null);
            final int block = decoder.getField("BLOCK_LENGTH").getInt(null);
            final String row = "| " + template + " | `" + name + "` |";
            if (!doc.contains(row) || !doc.contains("### " + name + " (template " + template + ")"))
            {
                missing.add(row);
            }
            if (!doc.contains(row) || !doc.substring(doc.indexOf(row)).lines().findFirst().orElse("").endsWith("| " + block + " |"))
            {
                missing.add(name + " block length " + block);
            }
            final String section = doc.substring(Math.max(0, doc.indexOf("### " + name + " ")));
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
        assertThat(missing).isEmpty();
        assertThat(doc).contains("schema id **1701**", "version **" + LogonDecoder.SCHEMA_VERSION + "**", "0x5BE0");
        assertThat(Framing.SBE_LITTLE_ENDIAN).isEqualTo(0x5BE0);
    }
}
