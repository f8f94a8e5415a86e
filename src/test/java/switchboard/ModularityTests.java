package switchboard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries hold, and docs/modules.puml is the diagram of the code as it is.
 * After a change to modules or their dependencies, rewrite the diagram with:
 * {@code ./mvnw test -Dtest=ModularityTests -Dswitchboard.update-docs=true}
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(SwitchboardApplication.class);
    static final Path COMMITTED_DIAGRAM = Path.of("docs", "modules.puml");

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    @Test
    void committedModuleDiagramMatchesTheCode() throws IOException {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        String generated = Files.readString(output.resolve("components.puml"));
        if (Boolean.getBoolean("switchboard.update-docs")) {
            Files.writeString(COMMITTED_DIAGRAM, generated);
        }
        assertThat(COMMITTED_DIAGRAM).as("docs/modules.puml is out of date; rewrite it with "
                + "./mvnw test -Dtest=ModularityTests -Dswitchboard.update-docs=true").exists();
        // Compared line by line in sorted order: the Documenter writes the relationships in an
        // order that changes from run to run once there are more than a couple.
        assertThat(sortedLines(Files.readString(COMMITTED_DIAGRAM))).isEqualTo(sortedLines(generated));
    }

    private static java.util.List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }
}
