package kz.barys.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.journal.sbe.CancelDecoder;
import kz.barys.engine.journal.sbe.CancelEncoder;
import kz.barys.engine.journal.sbe.CommandDecoder;
import kz.barys.engine.journal.sbe.CommandEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderDecoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.journal.sbe.NewOrderDecoder;
import kz.barys.engine.journal.sbe.NewOrderEncoder;
import kz.barys.engine.journal.sbe.ReplaceDecoder;
import kz.barys.engine.journal.sbe.ReplaceEncoder;
import kz.barys.engine.journal.sbe.TransferDecoder;
import kz.barys.engine.journal.sbe.TransferEncoder;

/**
 * A {@link Command} as one of the journal schema's command messages, through the generated codecs: the compact
 * {@code NewOrder}, {@code Cancel} or {@code Replace} when the command has no field outside that form (the commands
 * sent most, in fewer bytes), else the full {@code Command}. Either way it reads back as it was. The sequence number
 * and time are the batch's ({@link JournalWriter}), not the message's. Enums go through {@link EnumsToJournal} /
 * {@link EnumsFromJournal}. Reusable flyweights: nothing is allocated per command.
 */
public final class CommandCodec
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    /** Most bytes a command message written by this version takes (header, block and the longest sent name). */
    public static final int MAX_LENGTH = Math.max(
        HEADER + CommandEncoder.BLOCK_LENGTH + CommandEncoder.sentNameHeaderLength() + Command.NAME_LENGTH,
        HEADER + TransferEncoder.BLOCK_LENGTH + TransferEncoder.sentNameHeaderLength() + Command.NAME_LENGTH
            + TransferEncoder.transferRefHeaderLength() + Command.MAX_REF_LENGTH);

    private static final long NULL_ORIGIN = CommandEncoder.originNullValue();

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final CommandEncoder full = new CommandEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelEncoder cancel = new CancelEncoder();
    private final ReplaceEncoder replace = new ReplaceEncoder();
    private final TransferEncoder transfer = new TransferEncoder();
    private final TransferDecoder transferDecoder = new TransferDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final CommandDecoder fullDecoder = new CommandDecoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();
    private final CancelDecoder cancelDecoder = new CancelDecoder();
    private final ReplaceDecoder replaceDecoder = new ReplaceDecoder();
    private int eventsLength;
    /** Whether the command decoded last had a sent name, whose bytes the next one must clear (reset() keeps them). */
    private boolean nameHeld;

    /**
     * Writes {@code command}, to be followed by {@code eventsLength} bytes of its events, at {@code offset} (room for
     * {@link #MAX_LENGTH} bytes there); returns its length.
     */
    public int encode(final Command command, final int eventsLength, final MutableDirectBuffer buffer, final int offset)
    {
        if (command.type == CommandType.REPLACE && fitsReplace(command))
        {
            replace.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .account(command.account)
                .id(command.id)
                .newId(command.newId)
                .price(command.price)
                .qty(command.qty)
                .instrument(command.instrument)
                .eventsLength(eventsLength)
                .origin(origin(command));
            return HEADER + ReplaceEncoder.BLOCK_LENGTH;
        }
        if (command.type == CommandType.CANCEL && fitsCancel(command))
        {
            cancel.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .account(command.account)
                .id(command.id)
                .instrument(command.instrument)
                .eventsLength(eventsLength)
                .origin(origin(command));
            return HEADER + CancelEncoder.BLOCK_LENGTH;
        }
        if (command.type == CommandType.NEW && fitsNewOrder(command))
        {
            newOrder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .account(command.account)
                .id(command.id)
                .price(command.price)
                .qty(command.qty)
                .instrument(command.instrument)
                .eventsLength(eventsLength)
                .side(EnumsToJournal.side(command.side))
                .orderType(EnumsToJournal.orderType(command.orderType))
                .tif(EnumsToJournal.tif(command.tif))
                .stp(EnumsToJournal.stp(command.stp))
                .origin(origin(command));
            return HEADER + NewOrderEncoder.BLOCK_LENGTH;
        }
        if (command.refLength > 0 && fitsTransfer(command))
        {
            transfer.wrapAndApplyHeader(buffer, offset, headerEncoder)
                .account(command.account)
                .amount(command.amount)
                .currency(command.currency)
                .eventsLength(eventsLength)
                .commandType(EnumsToJournal.commandType(command.type))
                .fieldOverflow(EnumsToJournal.bool(command.fieldOverflow))
                .sentLength((short)command.unknownNameLength)
                .origin(origin(command))
                .putSentName(command.unknownName, 0, Math.min(command.unknownNameLength, Command.NAME_LENGTH))
                .putTransferRef(command.ref, 0, command.refLength);
            return transfer.limit() - offset;
        }
        full.wrapAndApplyHeader(buffer, offset, headerEncoder)
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
            .origin(origin(command))
            .expireMillis(command.expireMillis)
            .displayQty(command.displayQty)
            .stopPrice(command.stopPrice)
            .putSentName(command.unknownName, 0, Math.min(command.unknownNameLength, Command.NAME_LENGTH));
        return full.limit() - offset;
    }

    /** The command's origin as the journal's uint32: a session number, 0 (a file), or null (not known). */
    private static long origin(final Command command)
    {
        final long origin = command.origin;
        return origin >= 0 && origin < NULL_ORIGIN ? origin : NULL_ORIGIN;
    }

    /** An origin read back: null (a record written before origins were) is {@link Command#UNKNOWN_ORIGIN}. */
    private static long origin(final long journaled)
    {
        return journaled == NULL_ORIGIN ? Command.UNKNOWN_ORIGIN : journaled;
    }

    /** Nothing a compact form leaves out: no currency, amount, quote quantity, stop price, overflow or name as sent. */
    private static boolean onlyOrderFields(final Command command)
    {
        return command.currency == Command.UNKNOWN && command.amount == 0 && command.quoteQty == 0
            && !command.fieldOverflow && command.unknownNameLength == 0 && command.expireMillis == 0
            && command.displayQty == 0 && command.stopPrice == 0;
    }

    private static boolean fitsNewOrder(final Command command)
    {
        return command.newId == 0 && onlyOrderFields(command);
    }

    private static boolean fitsReplace(final Command command)
    {
        return command.side == null && command.orderType == null && command.tif == null && command.stp == null
            && onlyOrderFields(command);
    }

    private static boolean fitsCancel(final Command command)
    {
        return command.newId == 0 && command.price == 0 && command.qty == 0 && fitsReplace(command);
    }

    /**
     * The transfer form keeps no order field: a MALFORMED line with a ref and order keys ({@code NEW ... ref=x}) goes
     * in the full form, whose id its REJECTED event needs.
     */
    private static boolean fitsTransfer(final Command command)
    {
        return command.id == 0 && command.newId == 0 && command.price == 0 && command.qty == 0 && command.quoteQty == 0
            && command.expireMillis == 0 && command.displayQty == 0 && command.side == null && command.orderType == null
            && command.tif == null && command.stp == null && command.instrument == Command.UNKNOWN;
    }

    /** Whether {@code templateId} is one of the command messages. */
    public static boolean isCommand(final int templateId)
    {
        return templateId == ReplaceDecoder.TEMPLATE_ID || templateId == CancelDecoder.TEMPLATE_ID
            || templateId == NewOrderDecoder.TEMPLATE_ID || templateId == CommandDecoder.TEMPLATE_ID
            || templateId == TransferDecoder.TEMPLATE_ID;
    }

    /**
     * Reads the command message at {@code offset} (its header already checked to be one, {@link #isCommand}) into
     * {@code command}, all but its sequence number and time; returns its length, header included, as written (a
     * newer schema version may have added fields).
     */
    public int decode(final DirectBuffer buffer, final int offset, final Command command)
    {
        headerDecoder.wrap(buffer, offset);
        final int template = headerDecoder.templateId();
        final int block = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int body = offset + HEADER;
        command.reset();
        if (nameHeld)
        {
            java.util.Arrays.fill(command.unknownName, (byte)0);
            nameHeld = false;
        }
        switch (template)
        {
            case ReplaceDecoder.TEMPLATE_ID ->
            {
                final ReplaceDecoder in = replaceDecoder.wrap(buffer, body, block, version);
                command.type = CommandType.REPLACE;
                command.account = in.account();
                command.id = in.id();
                command.newId = in.newId();
                command.price = in.price();
                command.qty = in.qty();
                command.instrument = in.instrument();
                command.origin = origin(in.origin());
                eventsLength = (int)in.eventsLength();
                return HEADER + block;
            }
            case CancelDecoder.TEMPLATE_ID ->
            {
                final CancelDecoder in = cancelDecoder.wrap(buffer, body, block, version);
                command.type = CommandType.CANCEL;
                command.account = in.account();
                command.id = in.id();
                command.instrument = in.instrument();
                command.origin = origin(in.origin());
                eventsLength = (int)in.eventsLength();
                return HEADER + block;
            }
            case NewOrderDecoder.TEMPLATE_ID ->
            {
                final NewOrderDecoder in = newOrderDecoder.wrap(buffer, body, block, version);
                command.type = CommandType.NEW;
                command.account = in.account();
                command.id = in.id();
                command.price = in.price();
                command.qty = in.qty();
                command.instrument = in.instrument();
                command.side = EnumsFromJournal.side(in.side());
                command.orderType = EnumsFromJournal.orderType(in.orderType());
                command.tif = EnumsFromJournal.tif(in.tif());
                command.stp = EnumsFromJournal.stp(in.stp());
                command.origin = origin(in.origin());
                eventsLength = (int)in.eventsLength();
                return HEADER + block;
            }
            case TransferDecoder.TEMPLATE_ID ->
            {
                return decodeTransfer(buffer, offset, command);
            }
            default ->
            {
                return decodeFull(buffer, offset, command);
            }
        }
    }

    private int decodeFull(final DirectBuffer buffer, final int offset, final Command command)
    {
        final CommandDecoder in = fullDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        command.account = in.account();
        command.id = in.id();
        command.newId = in.newId();
        command.price = in.price();
        command.qty = in.qty();
        command.quoteQty = in.quoteQty();
        command.amount = in.amount();
        command.instrument = in.instrument();
        command.currency = in.currency();
        command.type = EnumsFromJournal.commandType(in.commandType());
        command.side = EnumsFromJournal.side(in.side());
        command.orderType = EnumsFromJournal.orderType(in.orderType());
        command.tif = EnumsFromJournal.tif(in.tif());
        command.stp = EnumsFromJournal.stp(in.stp());
        command.fieldOverflow = EnumsFromJournal.bool(in.fieldOverflow());
        command.origin = origin(in.origin());
        final long expire = in.expireMillis();
        command.expireMillis = expire == CommandDecoder.expireMillisNullValue() ? 0 : expire;
        final long display = in.displayQty();
        command.displayQty = display == CommandDecoder.displayQtyNullValue() ? 0 : display;
        final long stopPrice = in.stopPrice();
        command.stopPrice = stopPrice == CommandDecoder.stopPriceNullValue() ? 0 : stopPrice;
        command.unknownNameLength = in.sentLength();
        final int kept = in.sentNameLength();
        in.getSentName(command.unknownName, 0, kept);
        nameHeld = kept > 0;
        eventsLength = (int)in.eventsLength();
        return in.limit() - offset;
    }

    private int decodeTransfer(final DirectBuffer buffer, final int offset, final Command command)
    {
        final TransferDecoder in = transferDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        command.account = in.account();
        command.amount = in.amount();
        command.currency = in.currency();
        command.type = EnumsFromJournal.commandType(in.commandType());
        command.fieldOverflow = EnumsFromJournal.bool(in.fieldOverflow());
        command.unknownNameLength = in.sentLength();
        command.origin = origin(in.origin());
        final int kept = in.sentNameLength();
        in.getSentName(command.unknownName, 0, kept);
        nameHeld = kept > 0;
        command.refLength = in.getTransferRef(command.ref, 0, Command.MAX_REF_LENGTH);
        eventsLength = (int)in.eventsLength();
        return in.limit() - offset;
    }

    /** The events length of the command message last decoded. */
    public int eventsLength()
    {
        return eventsLength;
    }
}
