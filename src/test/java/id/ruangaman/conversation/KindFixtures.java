package id.ruangaman.conversation;

import id.ruangaman.conversation.definition.NodeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The per-kind fixture folders, goflow-style: {@code kinds/<kind>/} holds {@code flow.yaml} (a small flow using the
 * kind) and the golden scripts {@code answer} (the normal answer, Bahasa Indonesia), {@code answer_en} (the same in
 * English) and {@code unexpected} (inputs the kind cannot use: one kind re-prompt, then the fallback where the kind
 * has one), each with its {@code .expected.json}.
 */
final class KindFixtures {

    static final Path ROOT = Path.of("src/test/resources/conversation/kinds");
    static final String FLOW = "flow.yaml";
    static final List<String> CASES = List.of("answer", "answer_en", "unexpected");

    private KindFixtures() {
    }

    /** What is missing under {@code root} for these kinds, and folders that name no kind; empty when complete. */
    static List<String> problems(Collection<NodeKind> kinds, Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        for (NodeKind kind : kinds) {
            Path folder = root.resolve(kind.fileName());
            if (!Files.isDirectory(folder)) {
                problems.add("kind '" + kind.fileName() + "' has no fixture folder " + folder);
                continue;
            }
            List<String> files = new ArrayList<>(List.of(FLOW));
            CASES.forEach(name -> files.addAll(List.of(name + ".yaml", name + GoldenFiles.EXPECTED)));
            files.stream().filter(file -> !Files.isRegularFile(folder.resolve(file)))
                    .forEach(file -> problems.add("kind '" + kind.fileName() + "' has no " + file));
        }
        Set<String> names = kinds.stream().map(NodeKind::fileName).collect(Collectors.toSet());
        folders(root).stream().filter(name -> !names.contains(name))
                .forEach(name -> problems.add("fixture folder '" + name + "' is not a node kind"));
        return problems;
    }

    static Set<String> folders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> listing = Files.list(root)) {
            return listing.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
