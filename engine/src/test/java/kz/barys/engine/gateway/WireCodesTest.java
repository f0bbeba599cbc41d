package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.gateway.sbe.BooleanType;
import kz.barys.engine.gateway.sbe.OrdType;

/**
 * Every engine enum value has a wire code and comes back from it, every wire code (but null) has an engine value,
 * and each code is the one barys-sbe.xml gives the value of the same name: read from the schema itself, so that
 * the mapping cannot lean on declaration order on either side.
 */
class WireCodesTest
{
    private static final Map<String, Map<String, Integer>> SCHEMA = schemaEnums();

    @Test
    void sidesMapByTheSchemasCodes()
    {
        for (final Side side : Side.values())
        {
            final kz.barys.engine.gateway.sbe.Side wire = WireCodes.wire(side);
            assertCode("Side", side, wire.value());
            assertThat(WireCodes.side(wire)).isEqualTo(side);
            assertThat(WireCodes.side(wire.value())).isEqualTo(side);
        }
        assertEveryWireValueMaps(kz.barys.engine.gateway.sbe.Side.values(), WireCodes::side);
    }

    @Test
    void orderTypesMapByTheSchemasCodes()
    {
        for (final OrderType type : OrderType.values())
        {
            final OrdType wire = WireCodes.wire(type);
            assertCode("OrdType", type, wire.value());
            assertThat(WireCodes.orderType(wire)).isEqualTo(type);
            assertThat(WireCodes.orderType(wire.value())).isEqualTo(type);
        }
        assertEveryWireValueMaps(OrdType.values(), WireCodes::orderType);
    }

    @Test
    void timesInForceMapByTheSchemasCodes()
    {
        for (final TimeInForce tif : TimeInForce.values())
        {
            final kz.barys.engine.gateway.sbe.TimeInForce wire = WireCodes.wire(tif);
            assertCode("TimeInForce", tif, wire.value());
            assertThat(WireCodes.tif(wire)).isEqualTo(tif);
            assertThat(WireCodes.tif(wire.value())).isEqualTo(tif);
        }
        assertEveryWireValueMaps(kz.barys.engine.gateway.sbe.TimeInForce.values(), WireCodes::tif);
    }

    @Test
    void stpModesMapByTheSchemasCodes()
    {
        for (final StpMode stp : StpMode.values())
        {
            final kz.barys.engine.gateway.sbe.StpMode wire = WireCodes.wire(stp);
            assertCode("StpMode", stp, wire.value());
            assertThat(WireCodes.stp(wire)).isEqualTo(stp);
            assertThat(WireCodes.stp(wire.value())).isEqualTo(stp);
        }
        assertEveryWireValueMaps(kz.barys.engine.gateway.sbe.StpMode.values(), WireCodes::stp);
    }

    @Test
    void cancelReasonsMapByTheSchemasCodes()
    {
        for (final CancelReason reason : CancelReason.values())
        {
            final kz.barys.engine.gateway.sbe.CancelReason wire = WireCodes.wire(reason);
            assertCode("CancelReason", reason, wire.value());
            assertThat(WireCodes.cancelReason(wire)).isEqualTo(reason);
        }
        assertEveryWireValueMaps(kz.barys.engine.gateway.sbe.CancelReason.values(), WireCodes::cancelReason);
    }

    @Test
    void rejectReasonsMapByTheSchemasCodes()
    {
        for (final RejectReason reason : RejectReason.values())
        {
            final kz.barys.engine.gateway.sbe.RejectReason wire = WireCodes.wire(reason);
            assertCode("RejectReason", reason, wire.value());
            assertThat(WireCodes.rejectReason(wire)).isEqualTo(reason);
        }
        assertEveryWireValueMaps(kz.barys.engine.gateway.sbe.RejectReason.values(), WireCodes::rejectReason);
    }

    @Test
    void booleansMapByTheSchemasCodes()
    {
        assertThat(WireCodes.wire(true).value()).isEqualTo(SCHEMA.get("BooleanType").get("TRUE").shortValue());
        assertThat(WireCodes.wire(false).value()).isEqualTo(SCHEMA.get("BooleanType").get("FALSE").shortValue());
        assertThat(WireCodes.bool(WireCodes.wire(true))).isTrue();
        assertThat(WireCodes.bool(WireCodes.wire(false))).isFalse();
        assertThat(WireCodes.bool(BooleanType.NULL_VAL)).as("a field newer than the sender's version").isFalse();
    }

    @Test
    void theCodesAreTheSchemasOwnNumbersNotPositions()
    {
        // Pinned literally: the codes are the protocol, whatever order the Java constants are declared in.
        assertThat(WireCodes.wire(Side.SELL).value()).isEqualTo((short)1);
        assertThat(WireCodes.wire(TimeInForce.POST_ONLY).value()).isEqualTo((short)3);
        assertThat(WireCodes.wire(StpMode.NONE).value()).isEqualTo((short)3);
        assertThat(WireCodes.wire(CancelReason.MASS_CANCEL).value()).isEqualTo((short)8);
        assertThat(WireCodes.wire(RejectReason.MALFORMED).value()).isEqualTo((short)11);
        assertThat(WireCodes.wire(RejectReason.UNAUTHORIZED).value()).isEqualTo((short)12);
        // and the mapping follows names, not positions: each value's wire constant has its name
        for (final CancelReason reason : CancelReason.values())
        {
            assertThat(WireCodes.wire(reason).name()).isEqualTo(reason.name());
        }
        for (final RejectReason reason : RejectReason.values())
        {
            assertThat(WireCodes.wire(reason).name()).isEqualTo(reason.name());
        }
    }

    @Test
    void rawCodesOutsideTheSchemaDecodeToNothingWithoutThrowing()
    {
        assertThat(WireCodes.side((short)2)).isNull();
        assertThat(WireCodes.side((short)255)).isNull();
        assertThat(WireCodes.side((short)-1)).isNull();
        assertThat(WireCodes.orderType((short)4)).isNull();
        assertThat(WireCodes.orderType((short)2)).isEqualTo(kz.barys.engine.command.OrderType.STOP_LIMIT);
        assertThat(WireCodes.tif((short)5)).isNull();
        assertThat(WireCodes.tif((short)254)).isNull();
        assertThat(WireCodes.stp((short)4)).isNull();
        assertThat(WireCodes.stp((short)256)).isNull();
        assertThat(WireCodes.isNull((short)255)).isTrue();
        assertThat(WireCodes.isNull((short)0)).isFalse();
    }

    private static void assertCode(final String schemaEnum, final Enum<?> domain, final short code)
    {
        assertThat(SCHEMA.get(schemaEnum)).as(schemaEnum + " in the schema").containsKey(domain.name());
        assertThat((int)code).as("%s.%s", schemaEnum, domain).isEqualTo(SCHEMA.get(schemaEnum).get(domain.name()));
    }

    private static <W extends Enum<W>> void assertEveryWireValueMaps(final W[] wireValues, final Function<W, ?> toDomain)
    {
        for (final W wire : wireValues)
        {
            final Object domain = toDomain.apply(wire);
            if (wire.name().equals("NULL_VAL"))
            {
                assertThat(domain).isNull();
            }
            else
            {
                assertThat(domain).as(wire.getDeclaringClass().getSimpleName() + "." + wire).isNotNull();
                assertThat(((Enum<?>)domain).name()).isEqualTo(wire.name());
            }
        }
    }

    /** Enum name to value name to code, as barys-sbe.xml declares them. */
    private static Map<String, Map<String, Integer>> schemaEnums()
    {
        try (InputStream in = WireCodesTest.class.getResourceAsStream("/barys-sbe.xml"))
        {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final Document schema = factory.newDocumentBuilder().parse(in);
            final Map<String, Map<String, Integer>> enums = new HashMap<>();
            final NodeList nodes = schema.getElementsByTagName("enum");
            for (int i = 0; i < nodes.getLength(); i++)
            {
                final Element element = (Element)nodes.item(i);
                final Map<String, Integer> values = new HashMap<>();
                final NodeList valid = element.getElementsByTagName("validValue");
                for (int j = 0; j < valid.getLength(); j++)
                {
                    final Element value = (Element)valid.item(j);
                    values.put(value.getAttribute("name"), Integer.parseInt(value.getTextContent().trim()));
                }
                enums.put(element.getAttribute("name"), values);
            }
            return enums;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot read barys-sbe.xml", ex);
        }
    }

    @Test
    void everyLogonRefusalIsToldByALogoutReasonOfItsOwn()
    {
        final java.util.Set<kz.barys.engine.gateway.sbe.LogoutReason> told = new java.util.HashSet<>();
        for (final kz.barys.engine.audit.LogonRefusal refusal : kz.barys.engine.audit.LogonRefusal.values())
        {
            final kz.barys.engine.gateway.sbe.LogoutReason reason = WireCodes.wire(refusal);
            assertThat(reason).isNotEqualTo(kz.barys.engine.gateway.sbe.LogoutReason.NULL_VAL);
            assertThat(told.add(reason)).as("%s told apart", refusal).isTrue();
        }
        assertThat(WireCodes.wire(kz.barys.engine.audit.LogonRefusal.MALFORMED_LOGON))
            .isEqualTo(kz.barys.engine.gateway.sbe.LogoutReason.INVALID_LOGON);
    }
}
