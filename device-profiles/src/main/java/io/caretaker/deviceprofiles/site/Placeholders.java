package io.caretaker.deviceprofiles.site;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${NAME}} and {@code ${NAME:default}} in site-file values from a lookup such as the environment. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    private Placeholders() {
    }

    /**
     * @throws IllegalArgumentException naming the placeholder when it has no value and no default
     */
    public static String resolve(String text, Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("${" + m.group(1) + "} has no value; set " + m.group(1)
                        + " or give a default as ${" + m.group(1) + ":value}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
