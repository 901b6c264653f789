package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trusted proxies are IP addresses or CIDR ranges everywhere the project sets them: a host-name entry (a bare IPv6
 * address counts as one) makes Quarkus look it up in DNS on every request, which stalled every request by seconds.
 */
class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "127.0.0.1,::1/128;''",
            "10.0.0.0/8;''",
            "127.0.0.1,::1;::1",
            "0:0:0:0:0:0:0:1;0:0:0:0:0:0:0:1",
            "proxy.internal, 172.17.0.1;proxy.internal",
            "fd00::/8,192.168.0.0/16;''" })
    void flagsEntriesThatQuarkusResolvesAsHostNames(String value, String flagged) {
        assertEquals(flagged.isEmpty() ? List.of() : List.of(flagged.split(",")), TrustedProxies.hostNameEntries(value));
    }

    @Test
    void everyShippedValueIsAnAddressOrRange() throws IOException {
        List<String> values = new ArrayList<>();
        values.addAll(find(Path.of("src/main/resources/application.properties"), "quarkus\\.http\\.proxy\\.trusted-proxies=(.*)"));
        values.addAll(find(Path.of(".env.example"), "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=(.*)"));
        values.addAll(find(Path.of("deploy/kubernetes/deployment.yaml"),
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES\\s*\\n\\s*value:\\s*\"([^\"]*)\""));
        assertEquals(3, values.size(), "trusted-proxies values found: " + values);
        for (String value : values) {
            assertEquals(List.of(), TrustedProxies.hostNameEntries(value), value);
        }
    }

    private static List<String> find(Path file, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
