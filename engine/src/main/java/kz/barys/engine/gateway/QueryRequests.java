package kz.barys.engine.gateway;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.gateway.sbe.BalancesRequestDecoder;
import kz.barys.engine.gateway.sbe.OpenOrdersRequestDecoder;
import kz.barys.engine.gateway.sbe.OrderStatusRequestDecoder;

/**
 * Decodes the query requests of CONTRACT 10.4 (barys-sbe.xml templates 60-62, trading port) into a {@link Command},
 * as {@link Session} does orders: syntax only, the core answers. Reusable flyweights: nothing allocated per message.
 */
final class QueryRequests
{
    private final OrderStatusRequestDecoder orderStatus = new OrderStatusRequestDecoder();
    private final OpenOrdersRequestDecoder openOrders = new OpenOrdersRequestDecoder();
    private final BalancesRequestDecoder balances = new BalancesRequestDecoder();

    /** Whether {@code template} is a query request: a trading-port message, though its number is past the orders'. */
    static boolean isQuery(final int template)
    {
        return blockLength(template) >= 0;
    }

    /** The block length of a query request, else -1. */
    static int blockLength(final int template)
    {
        return switch (template)
        {
            case OrderStatusRequestDecoder.TEMPLATE_ID -> OrderStatusRequestDecoder.BLOCK_LENGTH;
            case OpenOrdersRequestDecoder.TEMPLATE_ID -> OpenOrdersRequestDecoder.BLOCK_LENGTH;
            case BalancesRequestDecoder.TEMPLATE_ID -> BalancesRequestDecoder.BLOCK_LENGTH;
            default -> -1;
        };
    }

    /** Fills {@code command} from the request of {@code template} at {@code offset}; false if it is not one of these. */
    boolean fill(final int template, final DirectBuffer in, final int offset, final NameTable symbols, final Command command)
    {
        switch (template)
        {
            case OrderStatusRequestDecoder.TEMPLATE_ID ->
            {
                orderStatus.wrap(in, offset, OrderStatusRequestDecoder.BLOCK_LENGTH, OrderStatusRequestDecoder.SCHEMA_VERSION);
                command.correlationId = orderStatus.seqNum();
                final long id = orderStatus.clOrdId();
                command.type = id > 0 ? CommandType.ORDER_STATUS : CommandType.MALFORMED;
                command.account = orderStatus.account();
                command.id = Math.max(id, 0);
            }
            case OpenOrdersRequestDecoder.TEMPLATE_ID ->
            {
                openOrders.wrap(in, offset, OpenOrdersRequestDecoder.BLOCK_LENGTH, OpenOrdersRequestDecoder.SCHEMA_VERSION);
                command.correlationId = openOrders.seqNum();
                command.type = CommandType.OPEN_ORDERS;
                command.account = openOrders.account();
                final int symbolOffset = offset + OpenOrdersRequestDecoder.symbolEncodingOffset();
                final int instrument = symbols.lookup(in, symbolOffset);
                if (instrument == Command.UNKNOWN)
                {
                    command.unknownName(in, symbolOffset);
                }
                command.instrument = instrument == NameTable.BLANK ? Command.ALL : instrument;
            }
            case BalancesRequestDecoder.TEMPLATE_ID ->
            {
                balances.wrap(in, offset, BalancesRequestDecoder.BLOCK_LENGTH, BalancesRequestDecoder.SCHEMA_VERSION);
                command.correlationId = balances.seqNum();
                command.type = CommandType.BALANCES;
                command.account = balances.account();
            }
            default ->
            {
                return false;
            }
        }
        return true;
    }
}
