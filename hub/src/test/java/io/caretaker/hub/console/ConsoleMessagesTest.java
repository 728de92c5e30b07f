package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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

    private static Properties read(String resource) throws IOException {
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
