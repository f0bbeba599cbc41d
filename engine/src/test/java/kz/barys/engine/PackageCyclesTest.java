package kz.barys.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages of the engine depend on each other without cycles, so that each can be read, tested and changed
 * from the bottom up ({@code num}, {@code config}, {@code command}, {@code book}, ... {@code server}). A dependency
 * is an import or a qualified name in code (not in a comment or a string) of another package's class.
 */
class PackageCyclesTest
{
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "kz.barys.engine";
    private static final Pattern REFERENCE = Pattern.compile("\\b(kz\\.barys\\.engine(?:\\.[a-z0-9_]+)*)\\.[A-Z]");
    private static final Pattern COMMENT_OR_STRING =
        Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    /**
     * Dependencies that close a cycle and are known to go: each entry must still exist (the test fails when one is
     * gone, so that the allowance goes with it). None today.
     */
    private static final Set<String> KNOWN = Set.of();

    @Test
    void theEnginesPackagesHaveNoCycle() throws IOException
    {
        final Map<String, Map<String, Set<String>>> graph = dependencies(MAIN);
        assertThat(graph).as("packages read from %s", MAIN.toAbsolutePath()).containsKeys("core", "book", "server");

        for (final String known : KNOWN)
        {
            final String[] ends = known.split(" -> ");
            assertThat(graph.getOrDefault(ends[0], Map.of())).as("a known dependency that is gone: remove '%s' from KNOWN", known)
                .containsKey(ends[1]);
            graph.get(ends[0]).remove(ends[1]);
        }
        assertThat(describe(graph, cycles(graph))).as("package cycles (package -> package: the files that make the dependency)")
            .isEmpty();
    }

    @Test
    void findsACycleMadeByImportsOrQualifiedNamesButNotByComments(@TempDir final Path sources) throws IOException
    {
        write(sources, "account/Account.java", "package kz.barys.engine.account;\n\nimport kz.barys.engine.book.Order;\n\n"
            + "/** See {@link kz.barys.engine.core.Core}. */\nclass Account { Order head; }\n");
        write(sources, "book/Order.java", "package kz.barys.engine.book;\n\nclass Order { kz.barys.engine.account.Account owner; }\n");
        write(sources, "core/Core.java", "package kz.barys.engine.core;\n\nimport kz.barys.engine.book.Order;\n\n"
            + "class Core { String s = \"kz.barys.engine.text.Text\"; // kz.barys.engine.server.Engine\n}\n");

        final Map<String, Map<String, Set<String>>> graph = dependencies(sources);

        assertThat(graph.get("core")).containsOnlyKeys("book");
        assertThat(graph.get("account")).containsOnlyKeys("book");
        assertThat(describe(graph, cycles(graph))).containsExactly(
            "account -> book: Account.java; book -> account: Order.java");
    }

    /** Package (below kz.barys.engine) to the packages it uses, each with the files that use it. */
    private static Map<String, Map<String, Set<String>>> dependencies(final Path sources) throws IOException
    {
        final Path root = sources.resolve(ROOT.replace('.', '/'));
        final Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        final List<Path> files;
        try (Stream<Path> walk = Files.walk(root))
        {
            files = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        for (final Path file : files)
        {
            final String from = root.relativize(file.getParent()).toString().replace('/', '.');
            final Map<String, Set<String>> uses = graph.computeIfAbsent(from, key -> new TreeMap<>());
            final String code = COMMENT_OR_STRING.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
            final Matcher reference = REFERENCE.matcher(code);
            while (reference.find())
            {
                final String to = reference.group(1).equals(ROOT) ? "" : reference.group(1).substring(ROOT.length() + 1);
                if (!to.equals(from))
                {
                    uses.computeIfAbsent(to, key -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        return graph;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    private static List<List<String>> cycles(final Map<String, Map<String, Set<String>>> graph)
    {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<List<String>> components = new ArrayList<>();
        for (final String node : graph.keySet())
        {
            if (!index.containsKey(node))
            {
                connect(node, graph, index, low, stack, components);
            }
        }
        return components;
    }

    private static void connect(
        final String node, final Map<String, Map<String, Set<String>>> graph, final Map<String, Integer> index,
        final Map<String, Integer> low, final Deque<String> stack, final List<List<String>> components)
    {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (final String next : graph.getOrDefault(node, Map.of()).keySet())
        {
            if (!index.containsKey(next))
            {
                connect(next, graph, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            }
            else if (stack.contains(next))
            {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node)))
        {
            final List<String> component = new ArrayList<>();
            String member;
            do
            {
                member = stack.pop();
                component.add(member);
            }
            while (!member.equals(node));
            if (component.size() > 1)
            {
                component.sort(null);
                components.add(component);
            }
        }
    }

    /** Each cycle as its dependencies inside it, with the files that make them. */
    private static List<String> describe(final Map<String, Map<String, Set<String>>> graph, final List<List<String>> cycles)
    {
        final List<String> lines = new ArrayList<>();
        for (final List<String> cycle : cycles)
        {
            final List<String> edges = new ArrayList<>();
            for (final String from : cycle)
            {
                graph.get(from).forEach((to, files) ->
                {
                    if (cycle.contains(to))
                    {
                        edges.add(from + " -> " + to + ": " + String.join(", ", files));
                    }
                });
            }
            lines.add(String.join("; ", edges));
        }
        return lines;
    }

    private static void write(final Path sources, final String file, final String text) throws IOException
    {
        final Path path = sources.resolve(ROOT.replace('.', '/')).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
