package id.ruangaman.conversation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine is plain Java + Jackson: no framework, persistence or logging, so it runs the same
 * anywhere and can never leak what survivors write. Plain JUnit tests (rather than ArchUnit's own
 * engine, which the Quarkus test launcher does not run) so the rules always execute.
 */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.ruangaman.conversation");
        assertTrue(engine.size() > 50, "the engine classes were not found: " + engine.size());
    }

    @Test
    void engineHasNoFrameworkOrPersistenceImports() {
        noClasses().that().resideInAPackage("id.ruangaman.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax..", "org.hibernate..", "io.vertx..", "java.sql..",
                        "id.ruangaman.channel..", "id.ruangaman.intake..", "id.ruangaman.security..")
                .because("the conversation engine must stay pure: the host does I/O and persistence")
                .check(engine);
    }

    @Test
    void engineNeverLogs() {
        noClasses().that().resideInAPackage("id.ruangaman.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.util.logging..", "org.slf4j..", "org.jboss.logging..", "org.apache.logging..",
                        "org.apache.commons.logging..")
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the engine handles what survivors write and must never log it")
                .check(engine);
    }
}
