package io.caretaker.hub.console;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks 简体中文 and English: the browser's language by default, switched with {@code ?lang=zh} or
 * {@code ?lang=en} and remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(LANGUAGES);
        browser.setDefaultLocale(Locale.ENGLISH);
        CookieLocaleResolver chosen = new CookieLocaleResolver("caretaker-lang");
        chosen.setDefaultLocaleFunction(browser::resolveLocale);
        return chosen;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                // only the console's languages; anything else is ignored rather than shown as missing texts
                Locale asked = super.parseLocaleValue(value);
                return asked != null && LANGUAGES.contains(Locale.forLanguageTag(asked.getLanguage())) ? Locale.forLanguageTag(asked.getLanguage()) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
