package id.ruangaman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Every setting the service reads is listed in .env.example, with a comment line above it. */
class EnvExampleTest {

    @Test
    void shouldListEverySettingWithAComment() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(".env.example"));
        Set<String> listed = new TreeSet<>();
        Pattern setting = Pattern.compile("^([A-Z][A-Z0-9_]*)=");
        for (int i = 0; i < lines.size(); i++) {
            Matcher match = setting.matcher(lines.get(i));
            if (match.find()) {
                listed.add(match.group(1));
                int above = i - 1;
                while (above >= 0 && setting.matcher(lines.get(above)).find()) {
                    above--; // settings may share one comment (a pair such as _BURST and _WINDOW)
                }
                assertTrue(above >= 0 && lines.get(above).startsWith("#"), match.group(1) + " has no comment");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : settings()) {
            if (!listed.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "settings missing from .env.example");
    }

    private static Set<String> settings() {
        Set<String> names = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.ruangaman")) {
            if (type.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> mapping = type.reflect();
                String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
                for (Method method : mapping.getDeclaredMethods()) {
                    if (!method.isDefault() && method.getParameterCount() == 0 && !method.isSynthetic()
                            && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                        WithName name = method.getAnnotation(WithName.class);
                        String property = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
                        names.add(property.toUpperCase().replaceAll("[.-]", "_"));
                    }
                }
            }
        }
        assertTrue(names.size() > 20, "config mappings not found: " + names);
        return names;
    }

    private static String kebab(String camel) {
        return camel.chars().mapToObj(c -> Character.isUpperCase(c) ? "-" + Character.toLowerCase((char) c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
