package kz.barys.tools.md;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (the JDK's WebSocket client, no dependency): load a page,
 * evaluate JavaScript in it, take a screenshot. For the page tests; {@link #find()} looks on the PATH as
 * {@code .ci/install-chromium.sh} installs it.
 */
final class Chromium implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final Pattern PAGE_SOCKET = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

    private Chromium(final Path chromium, final Path profile, final int width, final int height) throws Exception
    {
        process = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height, "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String browserSocket = null;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; browserSocket == null && System.nanoTime() < deadline && (line = err.readLine()) != null; )
        {
            final Matcher matcher = LISTENING.matcher(line);
            if (matcher.find())
            {
                browserSocket = matcher.group(1);
            }
        }
        if (browserSocket == null)
        {
            process.destroyForcibly();
            throw new IOException("chromium did not open its DevTools port");
        }
        final Thread drain = new Thread(() -> err.lines().forEach(line -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        final URI browser = URI.create(browserSocket);
        final HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        while (pageSocket == null && System.nanoTime() < deadline)
        {
            final String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            final Matcher matcher = PAGE_SOCKET.matcher(list);
            if (matcher.find())
            {
                pageSocket = matcher.group(1);
            }
            else
            {
                Thread.sleep(50);
            }
        }
        if (pageSocket == null)
        {
            process.destroyForcibly();
            throw new IOException("chromium has no page");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Chromium on the PATH (chromium or chromium-browser), or null. */
    static Path find()
    {
        for (final String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
        {
            for (final String name : List.of("chromium", "chromium-browser"))
            {
                final Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    static Chromium start(final Path chromium, final Path profile, final int width, final int height) throws Exception
    {
        return new Chromium(chromium, profile, width, height);
    }

    void open(final String url) throws Exception
    {
        call("Page.enable", "{}");
        call("Page.navigate", "{\"url\":\"" + url + "\"}");
        // about:blank is "complete" too: wait for the new document.
        await(() -> holds("location.href === \"" + url + "\" && document.readyState === \"complete\""), 30, "the page to load");
    }

    /** The value of {@code expression} (awaited if a promise) as a string; the expression should give a string or number. */
    String evaluate(final String expression) throws Exception
    {
        final String reply = call("Runtime.evaluate", "{\"expression\":" + quote("String(" + expression + ")") +
            ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (reply.contains("\"exceptionDetails\""))
        {
            throw new AssertionError("the page threw evaluating " + expression + ": " + reply);
        }
        return stringAfter(reply, "\"value\":");
    }

    /** Waits until {@code condition} holds (checked every 50 ms), or fails naming {@code what}. */
    void await(final BooleanSupplier condition, final int seconds, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                String errors;
                try
                {
                    errors = evaluate("JSON.stringify(window.barys && window.barys.errors)");
                }
                catch (final Exception | AssertionError ex)
                {
                    errors = ex.toString();
                }
                throw new AssertionError("waited " + seconds + " s for " + what + "; errors on the page: " + errors);
            }
            Thread.sleep(50);
        }
    }

    /** True when {@code expression} evaluates to "true"; an exception counts as false (the page may still load). */
    boolean holds(final String expression)
    {
        try
        {
            return "true".equals(evaluate(expression));
        }
        catch (final Exception | AssertionError ex)
        {
            return false;
        }
    }

    void screenshot(final Path file) throws Exception
    {
        final String reply = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}");
        Files.write(file, Base64.getDecoder().decode(stringAfter(reply, "\"data\":")));
    }

    @Override
    public void close()
    {
        socket.abort();
        // Chromium's own children (renderer, GPU, crashpad) outlive it for a moment and keep writing the profile, so
        // a test's temporary directory could not be deleted (MdPageBrowserTest failed so on a loaded machine): end them
        // all, taken before the parent goes (its children are reparented then), and wait for each.
        final java.util.List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
            for (final ProcessHandle child : children)
            {
                try
                {
                    child.onExit().get(10, TimeUnit.SECONDS);
                }
                catch (final java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex)
                {
                    child.destroyForcibly();
                }
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private String call(final String method, final String params) throws Exception
    {
        final int id = ids.incrementAndGet();
        final CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        return reply.get(60, TimeUnit.SECONDS);
    }

    private static String quote(final String text)
    {
        final StringBuilder json = new StringBuilder("\"");
        for (final char c : text.toCharArray())
        {
            switch (c)
            {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int)c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    /** The JSON string that follows {@code key} in {@code json}, unescaped. */
    private static String stringAfter(final String json, final String key)
    {
        int i = json.indexOf(key);
        if (i < 0)
        {
            throw new AssertionError("no " + key + " in " + json);
        }
        i = json.indexOf('"', i + key.length()) + 1;
        final StringBuilder text = new StringBuilder();
        while (json.charAt(i) != '"')
        {
            char c = json.charAt(i++);
            if (c == '\\')
            {
                c = json.charAt(i++);
                switch (c)
                {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'u' ->
                    {
                        c = (char)Integer.parseInt(json.substring(i, i + 4), 16);
                        i += 4;
                    }
                    default ->
                    {
                        // \" \\ \/ stand for themselves
                    }
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            message.append(data);
            if (last)
            {
                final String text = message.toString();
                message.setLength(0);
                final Matcher id = Pattern.compile("^\\{\"id\":(\\d+),").matcher(text);
                if (id.find())
                {
                    final CompletableFuture<String> reply = replies.remove(Integer.parseInt(id.group(1)));
                    if (reply != null)
                    {
                        reply.complete(text);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
