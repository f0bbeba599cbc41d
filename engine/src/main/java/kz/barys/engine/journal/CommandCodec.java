package kz.barys.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.sbe.CommandDecoder;
import kz.barys.engine.journal.sbe.CommandEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderDecoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;

/**
 * A {@link Command} as the journal schema's {@code Command} message, through the generated codecs; enums go through
 * {@link EnumsToJournal} / {@link EnumsFromJournal}. Reusable flyweights: nothing is allocated per command.
 */
public final class CommandCodec
{
    /** Most bytes a Command message written by this version takes (header, block and the longest sent name). */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CommandEncoder.BLOCK_LENGTH
        + CommandEncoder.sentNameHeaderLength() + Command.NAME_LENGTH;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final CommandEncoder encoder = new CommandEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final CommandDecoder decoder = new CommandDecoder();
    /** Whether the command decoded last had a sent name, whose bytes the next one without must clear. */
    private boolean nameHeld;

    /**
     * Writes {@code command}, to be followed by {@code eventsLength} bytes of its events, at {@code offset} (room for
     * {@link #MAX_LENGTH} bytes there); returns its length.
     */
    public int encode(final Command command, final int eventsLength, final MutableDirectBuffer buffer, final int offset)
    {
        encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(command.sequence)
            .timestampNanos(command.timestampNanos)
            .account(command.account)
            .id(command.id)
            .newId(command.newId)
            .price(command.price)
            .qty(command.qty)
            .quoteQty(command.quoteQty)
            .amount(command.amount)
            .instrument(command.instrument)
            .currency(command.currency)
            .eventsLength(eventsLength)
            .commandType(EnumsToJournal.commandType(command.type))
            .side(EnumsToJournal.side(command.side))
            .orderType(EnumsToJournal.orderType(command.orderType))
            .tif(EnumsToJournal.tif(command.tif))
            .stp(EnumsToJournal.stp(command.stp))
            .fieldOverflow(EnumsToJournal.bool(command.fieldOverflow))
            .sentLength((short)command.unknownNameLength)
            .putSentName(command.unknownName, 0, Math.min(command.unknownNameLength, Command.NAME_LENGTH));
        return encoder.limit() - offset;
    }

    /**
     * Reads the Command message at {@code offset} (its header already checked to be one) into {@code command};
     * returns its length, header included, as written (a newer schema version may have added fields).
     */
    public int decode(final DirectBuffer buffer, final int offset, final Command command)
    {
        decoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        command.reset();
        command.sequence = decoder.sequence();
        command.timestampNanos = decoder.timestampNanos();
        command.account = decoder.account();
        command.id = decoder.id();
        command.newId = decoder.newId();
        command.price = decoder.price();
        command.qty = decoder.qty();
        command.quoteQty = decoder.quoteQty();
        command.amount = decoder.amount();
        command.instrument = decoder.instrument();
        command.currency = decoder.currency();
        command.type = EnumsFromJournal.commandType(decoder.commandType());
        command.side = EnumsFromJournal.side(decoder.side());
        command.orderType = EnumsFromJournal.orderType(decoder.orderType());
        command.tif = EnumsFromJournal.tif(decoder.tif());
        command.stp = EnumsFromJournal.stp(decoder.stp());
        command.fieldOverflow = EnumsFromJournal.bool(decoder.fieldOverflow());
        command.unknownNameLength = decoder.sentLength();
        final int kept = decoder.sentNameLength();
        if (kept > 0 || nameHeld)
        {
            decoder.getSentName(command.unknownName, 0, kept);
            java.util.Arrays.fill(command.unknownName, kept, Command.NAME_LENGTH, (byte)0);
            nameHeld = kept > 0;
        }
        else
        {
            decoder.skipSentName();
        }
        return decoder.limit() - offset;
    }

    /** The events length of the Command message last decoded. */
    public int eventsLength()
    {
        return (int)decoder.eventsLength();
    }
}
