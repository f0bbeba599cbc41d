package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;

/**
 * {@link EnumsToJournal} and {@link EnumsFromJournal}: every domain value has a journal code of its own and comes back
 * as itself, every code of the schema stands for a domain value, and "not given" is NULL_VAL both ways.
 */
class EnumsJournalTest
{
    @Test
    void everyDomainValueMapsToACodeOfItsOwnAndBack()
    {
        roundTrip(CommandType.values(), EnumsToJournal::commandType, EnumsFromJournal::commandType,
            kz.barys.engine.journal.sbe.CommandType.values());
        roundTrip(Side.values(), EnumsToJournal::side, EnumsFromJournal::side, kz.barys.engine.journal.sbe.Side.values());
        roundTrip(OrderType.values(), EnumsToJournal::orderType, EnumsFromJournal::orderType,
            kz.barys.engine.journal.sbe.OrderType.values());
        roundTrip(TimeInForce.values(), EnumsToJournal::tif, EnumsFromJournal::tif,
            kz.barys.engine.journal.sbe.TimeInForce.values());
        roundTrip(StpMode.values(), EnumsToJournal::stp, EnumsFromJournal::stp, kz.barys.engine.journal.sbe.StpMode.values());
        roundTrip(CancelReason.values(), EnumsToJournal::cancelReason, EnumsFromJournal::cancelReason,
            kz.barys.engine.journal.sbe.CancelReason.values());
        roundTrip(RejectReason.values(), EnumsToJournal::rejectReason, EnumsFromJournal::rejectReason,
            kz.barys.engine.journal.sbe.RejectReason.values());
    }

    @Test
    void notGivenIsNullValBothWays()
    {
        assertThat(EnumsToJournal.side(null)).isEqualTo(kz.barys.engine.journal.sbe.Side.NULL_VAL);
        assertThat(EnumsFromJournal.side(kz.barys.engine.journal.sbe.Side.NULL_VAL)).isNull();
        assertThat(EnumsToJournal.orderType(null)).isEqualTo(kz.barys.engine.journal.sbe.OrderType.NULL_VAL);
        assertThat(EnumsFromJournal.orderType(kz.barys.engine.journal.sbe.OrderType.NULL_VAL)).isNull();
        assertThat(EnumsToJournal.tif(null)).isEqualTo(kz.barys.engine.journal.sbe.TimeInForce.NULL_VAL);
        assertThat(EnumsFromJournal.tif(kz.barys.engine.journal.sbe.TimeInForce.NULL_VAL)).isNull();
        assertThat(EnumsToJournal.stp(null)).isEqualTo(kz.barys.engine.journal.sbe.StpMode.NULL_VAL);
        assertThat(EnumsFromJournal.stp(kz.barys.engine.journal.sbe.StpMode.NULL_VAL)).isNull();
        assertThat(EnumsToJournal.commandType(null)).isEqualTo(kz.barys.engine.journal.sbe.CommandType.NULL_VAL);
        assertThat(EnumsFromJournal.commandType(kz.barys.engine.journal.sbe.CommandType.NULL_VAL)).isNull();
    }

    @Test
    void codesAreNamedAsTheDomainValuesTheyStandFor()
    {
        // The text forms use the domain names; the journal's codes carry the same names (docs/journal.md lists them).
        for (final CancelReason reason : CancelReason.values())
        {
            assertThat(EnumsToJournal.cancelReason(reason).name()).isEqualTo(reason.name());
        }
        for (final RejectReason reason : RejectReason.values())
        {
            assertThat(EnumsToJournal.rejectReason(reason).name()).isEqualTo(reason.name());
        }
        for (final CommandType type : CommandType.values())
        {
            assertThat(EnumsToJournal.commandType(type).name()).isEqualTo(type.name());
        }
    }

    @Test
    void sessionEventsAndLogonRefusalsMapToCodesOfTheirOwnAndBack()
    {
        roundTrip(kz.barys.engine.audit.SessionEventType.values(), EnumsToJournal::sessionEventType,
            EnumsFromJournal::sessionEventType, kz.barys.engine.journal.sbe.SessionEventType.values());
        roundTrip(kz.barys.engine.audit.LogonRefusal.values(), EnumsToJournal::logonRefusal, EnumsFromJournal::logonRefusal,
            kz.barys.engine.journal.sbe.LogonRefusal.values());
        assertThat(EnumsToJournal.logonRefusal(null)).isEqualTo(kz.barys.engine.journal.sbe.LogonRefusal.NULL_VAL);
        assertThat(EnumsFromJournal.logonRefusal(kz.barys.engine.journal.sbe.LogonRefusal.NULL_VAL)).isNull();
        for (final kz.barys.engine.audit.LogonRefusal refusal : kz.barys.engine.audit.LogonRefusal.values())
        {
            assertThat(EnumsToJournal.logonRefusal(refusal).name()).isEqualTo(refusal.name());
        }
    }

    private static <D extends Enum<D>, J extends Enum<J>> void roundTrip(
        final D[] domain, final Function<D, J> to, final Function<J, D> from, final J[] codes)
    {
        for (final D value : domain)
        {
            final J code = to.apply(value);
            assertThat(code).as("code of %s", value).isNotNull();
            assertThat(code.name()).as("code of %s", value).isNotEqualTo("NULL_VAL");
            assertThat(from.apply(code)).as("%s there and back", value).isEqualTo(value);
        }
        assertThat(Arrays.stream(domain).map(to).distinct().count()).as("distinct codes").isEqualTo(domain.length);
        assertThat(Arrays.stream(codes).filter(code -> !code.name().equals("NULL_VAL")).count())
            .as("codes of the schema, each for a domain value").isEqualTo(domain.length);
    }
}
