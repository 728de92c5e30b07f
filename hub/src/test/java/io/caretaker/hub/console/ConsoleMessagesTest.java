package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the console exists in both languages, so no page shows a key or falls back to the other language. */
class ConsoleMessagesTest {

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Properties english = read("/messages_en.properties");
        Properties chinese = read("/messages_zh.properties");
        assertThat(chinese.stringPropertyNames()).as("keys in Chinese").containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100);
    }

    @Test
    void everyTextAPageNamesIsThere() throws IOException {
        // the keys written out in the templates (#{nav.alarms}, #{users.created(...)}); built ones ('state.' + …) are not
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                literalKey.matcher(Files.readString(template)).results().forEach(m -> named.add(m.group(1)));
            }
        }
        assertThat(named).hasSizeGreaterThan(100);
        assertThat(read("/messages_en.properties").stringPropertyNames()).as("texts the pages name").containsAll(named);
    }

    @Test
    void anSlaClockReadsInEachLanguage() throws IOException {
        Properties english = read("/messages_en.properties");
        Properties chinese = read("/messages_zh.properties");
        assertThat(format(english, "span.hours", Locale.ENGLISH, 0, 5)).isEqualTo("0h 05m");
        assertThat(format(english, "span.days", Locale.ENGLISH, 3, 4)).isEqualTo("3d 4h");
        assertThat(format(chinese, "span.hours", Locale.CHINESE, 0, 5)).isEqualTo("0小时05分");
        assertThat(format(chinese, "span.days", Locale.CHINESE, 3, 4)).isEqualTo("3天4小时");
    }

    private static String format(Properties texts, String key, Locale locale, long whole, long part) {
        return new MessageFormat(texts.getProperty(key), locale).format(new Object[] {whole, part});
    }

    private static Properties read(String resource) throws IOException {
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
