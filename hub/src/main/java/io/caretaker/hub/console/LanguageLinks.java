package io.caretaker.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 中文 · English links of every console page: the same page with the same query (a filtered list, a chosen window),
 * only the language changed.
 */
@ControllerAdvice(basePackageClasses = LanguageLinks.class)
class LanguageLinks {

    record Links(String zh, String en) {
    }

    @ModelAttribute("languageLinks")
    Links languageLinks(HttpServletRequest request) {
        return new Links(sameQueryIn(request, "zh"), sameQueryIn(request, "en"));
    }

    private static String sameQueryIn(HttpServletRequest request, String language) {
        // the query as the browser sent it (already encoded), with lang replaced; relative, so a proxy's path stays
        return UriComponentsBuilder.newInstance().query(request.getQueryString())
                .replaceQueryParam("lang", language).build().toUriString();
    }
}
