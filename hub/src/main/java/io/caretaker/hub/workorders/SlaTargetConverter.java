package io.caretaker.hub.workorders;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets {@code respond: 2h} and {@code resolve: 3wd} be written in configuration. */
@Component
@ConfigurationPropertiesBinding
class SlaTargetConverter implements Converter<String, SlaTarget> {

    @Override
    public SlaTarget convert(String source) {
        return SlaTarget.parse(source);
    }
}
