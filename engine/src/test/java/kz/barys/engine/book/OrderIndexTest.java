package kz.barys.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;

/** The core's one index of live orders by (account, client id), against a map over a random stream. */
class OrderIndexTest
{
    private final OrderIndex index = new OrderIndex();
    private final List<Account> accounts = new ArrayList<>();

    OrderIndexTest()
    {
        for (int number = 1; number <= 5; number++)
        {
            accounts.add(new Account(number, 2, index));
        }
    }

    @Test
    void theSameIdInTwoAccountsIsTwoOrders()
    {
        final Order first = order(accounts.get(0), 7);
        final Order second = order(accounts.get(1), 7);
        accounts.get(0).addOrder(first);
        accounts.get(1).addOrder(second);

        assertThat(accounts.get(0).order(7)).isSameAs(first);
        assertThat(accounts.get(1).order(7)).isSameAs(second);
        assertThat(accounts.get(2).order(7)).isNull();

        accounts.get(0).removeOrder(first);
        assertThat(accounts.get(0).order(7)).isNull();
        assertThat(accounts.get(1).order(7)).isSameAs(second);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void matchesAMapOverAddsRemovesAndRenamesThroughGrowth()
    {
        // Few accounts and ids from a small range: long runs of occupied slots, removals inside them, the table
        // doubling from its first 64 slots, and ids reused after their order is gone.
        final SplittableRandom random = new SplittableRandom(13);
        final Map<String, Order> expected = new HashMap<>();
        final List<Order> live = new ArrayList<>();
        for (int step = 0; step < 200_000; step++)
        {
            final Account account = accounts.get(random.nextInt(accounts.size()));
            final long id = 1 + random.nextInt(3_000);
            final int action = random.nextInt(10);
            if (action < 5 && live.size() < 5_000)
            {
                if (account.order(id) == null)
                {
                    final Order order = order(account, id);
                    account.addOrder(order);
                    expected.put(key(account, id), order);
                    live.add(order);
                }
            }
            else if (action < 8 && !live.isEmpty())
            {
                final Order order = live.remove(random.nextInt(live.size()));
                expected.remove(key(order.owner(), order.id()));
                order.owner().removeOrder(order);
            }
            else if (!live.isEmpty())
            {
                final Order order = live.get(random.nextInt(live.size()));
                final long newId = 1 + random.nextInt(3_000);
                if (order.owner().order(newId) == null)
                {
                    expected.remove(key(order.owner(), order.id()));
                    order.owner().renameOrder(order, newId);
                    expected.put(key(order.owner(), newId), order);
                }
            }
            final Account probe = accounts.get(random.nextInt(accounts.size()));
            final long probeId = 1 + random.nextInt(3_000);
            assertThat(probe.order(probeId)).isSameAs(expected.get(key(probe, probeId)));
        }
        assertThat(index.size()).isEqualTo(expected.size());
        for (final Map.Entry<String, Order> entry : expected.entrySet())
        {
            final Order order = entry.getValue();
            assertThat(order.owner().order(order.id())).isSameAs(order);
        }
        int counted = 0;
        for (final Account account : accounts)
        {
            counted += account.orderCount();
        }
        assertThat(counted).isEqualTo(expected.size());
    }

    private static String key(final Account account, final long id)
    {
        return account.number() + "/" + id;
    }

    private static Order order(final Account account, final long id)
    {
        final Order order = new Order();
        order.init(id, account, id, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 1, 1);
        return order;
    }
}
