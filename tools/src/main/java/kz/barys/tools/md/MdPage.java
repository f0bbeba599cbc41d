package kz.barys.tools.md;

/**
 * The market-data web page: HTML whose script renders the state the server put into it (so the page shows the
 * book as soon as it loads), then each server-sent event.
 */
final class MdPage
{
    private static final String STATE_MARK = "/*STATE*/null";

    static final String HTML = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Barys market data</title>
        <style>
          body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 16px; background: #f6f7f9; color: #1d2733; }
          h1 { font-size: 20px; margin: 0 0 4px 0; }
          #status { font-size: 12px; color: #5b6776; margin-bottom: 12px; }
          #markets { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
          .market { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 10px 12px; min-width: 330px; }
          .market h2 { font-size: 16px; margin: 0 0 6px 0; }
          .market h2 .seq { font-size: 11px; font-weight: normal; color: #5b6776; margin-left: 8px; }
          .halted { background: #b3261e; color: #fff; font-size: 11px; padding: 1px 6px; border-radius: 3px; margin-left: 8px; }
          table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 13px; }
          th { text-align: right; font-weight: 600; font-size: 11px; color: #5b6776; padding: 2px 6px; }
          td { text-align: right; padding: 2px 6px; }
          tr.bid td { background: #d7f2de; color: #0d5c26; }
          tr.ask td { background: #f9d9d7; color: #8a1c14; }
          tr.spread td { text-align: center; font-size: 11px; color: #5b6776; background: #fff; }
          .trades { margin-top: 8px; }
          .trades td.BUY { color: #0d5c26; } .trades td.SELL { color: #8a1c14; }
          .empty { color: #8a949f; font-size: 12px; text-align: center; }
        </style>
        </head>
        <body>
        <h1>Barys market data</h1>
        <div id="status">connecting&hellip;</div>
        <div id="markets"></div>
        <script>
        "use strict";
        function cell(row, text, cls) {
          const td = document.createElement("td");
          td.textContent = text;
          if (cls) td.className = cls;
          row.appendChild(td);
        }
        function header(table, names) {
          const row = document.createElement("tr");
          for (const name of names) { const th = document.createElement("th"); th.textContent = name; row.appendChild(th); }
          table.appendChild(row);
        }
        function market(m) {
          const box = document.createElement("div");
          box.className = "market";
          box.id = "market-" + m.symbol;
          const title = document.createElement("h2");
          title.textContent = m.symbol;
          const seq = document.createElement("span");
          seq.className = "seq";
          seq.textContent = "seq " + m.seq;
          title.appendChild(seq);
          if (m.halted) { const h = document.createElement("span"); h.className = "halted"; h.textContent = "HALTED"; title.appendChild(h); }
          box.appendChild(title);
          const book = document.createElement("table");
          book.className = "book";
          header(book, ["orders", "qty", "price"]);
          for (const level of m.asks.slice().reverse()) {
            const row = document.createElement("tr"); row.className = "ask";
            cell(row, level[2]); cell(row, level[1]); cell(row, level[0]); book.appendChild(row);
          }
          const spread = document.createElement("tr"); spread.className = "spread";
          const td = document.createElement("td"); td.colSpan = 3;
          td.textContent = (m.bids.length && m.asks.length) ? "bid " + m.bids[0][0] + " / ask " + m.asks[0][0] : "—";
          spread.appendChild(td); book.appendChild(spread);
          for (const level of m.bids) {
            const row = document.createElement("tr"); row.className = "bid";
            cell(row, level[2]); cell(row, level[1]); cell(row, level[0]); book.appendChild(row);
          }
          box.appendChild(book);
          const trades = document.createElement("table");
          trades.className = "trades";
          header(trades, ["time", "side", "qty", "price"]);
          if (m.trades.length === 0) {
            const row = document.createElement("tr"); const td2 = document.createElement("td");
            td2.colSpan = 4; td2.className = "empty"; td2.textContent = "no trades yet"; row.appendChild(td2); trades.appendChild(row);
          }
          for (const t of m.trades) {
            const row = document.createElement("tr");
            cell(row, t.time.substring(11, 23)); cell(row, t.side, t.side); cell(row, t.qty); cell(row, t.price);
            if (t.busted) { row.style.textDecoration = "line-through"; row.title = "busted"; }
            trades.appendChild(row);
          }
          box.appendChild(trades);
          return box;
        }
        function render(state) {
          const markets = document.getElementById("markets");
          markets.replaceChildren(...state.symbols.map(market));
          document.getElementById("status").textContent = "live: after journal command " + state.command;
        }
        const initial = /*STATE*/null;
        if (initial) { render(initial); } else { fetch("/state").then(r => r.json()).then(render).catch(() => {}); }
        const events = new EventSource("/events");
        events.onmessage = e => render(JSON.parse(e.data));
        events.onerror = () => { document.getElementById("status").textContent = "disconnected; retrying…"; };
        </script>
        </body>
        </html>
        """;

    private MdPage()
    {
    }

    /** The page with {@code json} (the server's current state) built in. */
    static String withState(final String json)
    {
        // "</" inside a script element would end it; JSON allows "<\/" for the same text.
        return HTML.replace(STATE_MARK, json.replace("</", "<\\/"));
    }
}
