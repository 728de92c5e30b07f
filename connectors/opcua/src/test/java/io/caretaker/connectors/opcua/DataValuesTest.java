package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.Range;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

class DataValuesTest {

    private static final Instant RECEIVED = Instant.parse("2025-01-01T10:00:05Z");
    private static final Instant SOURCE = Instant.parse("2025-01-01T10:00:00Z");
    private final Point supplyAir = new Point("supply_air_temperature", "Supply air", "°C", PointKind.NUMBER,
            new Range(-20.0, 80.0), null);

    @Test
    void goodInRangeIsGoodAndUsesTheSourceTimestamp() {
        PointSample sample = DataValues.toSample("ahu-1", supplyAir,
                new DataValue(new Variant(16.2), StatusCode.GOOD, new DateTime(SOURCE)), RECEIVED);

        assertThat(sample).isEqualTo(new PointSample("ahu-1", "supply_air_temperature", SOURCE, RECEIVED,
                Value.of(16.2), Quality.GOOD));
    }

    @Test
    void goodOutOfRangeIsBad() {
        assertThat(DataValues.toSample("ahu-1", supplyAir, new DataValue(new Variant(120.0)), RECEIVED).quality())
                .isEqualTo(Quality.BAD);
    }

    @Test
    void withoutTimestampsTheReceiveTimeIsTheObservation() {
        assertThat(DataValues.toSample("ahu-1", supplyAir,
                new DataValue(new Variant(16.0), StatusCode.GOOD, null, null), RECEIVED).observedAt())
                .isEqualTo(RECEIVED);
    }

    @Test
    void statusCodesMapToQualities() {
        assertThat(DataValues.quality(new StatusCode(StatusCodes.Bad_NoCommunication))).isEqualTo(Quality.COMM_LOSS);
        assertThat(DataValues.quality(new StatusCode(StatusCodes.Bad_NotConnected))).isEqualTo(Quality.COMM_LOSS);
        assertThat(DataValues.quality(new StatusCode(StatusCodes.Bad_CommunicationError))).isEqualTo(Quality.COMM_LOSS);
        assertThat(DataValues.quality(new StatusCode(StatusCodes.Bad_SensorFailure))).isEqualTo(Quality.BAD);
        assertThat(DataValues.quality(new StatusCode(StatusCodes.Uncertain_LastUsableValue))).isEqualTo(Quality.UNCERTAIN);
        assertThat(DataValues.quality(StatusCode.GOOD)).isEqualTo(Quality.GOOD);
    }

    @Test
    void variantsMapToValues() {
        assertThat(DataValues.value(new Variant(true))).isEqualTo(Value.of(true));
        assertThat(DataValues.value(new Variant(Unsigned.uint(7)))).isEqualTo(Value.of(7.0));
        assertThat(DataValues.value(new Variant(12.5f))).isEqualTo(Value.of(12.5));
        assertThat(DataValues.value(new Variant("auto"))).isEqualTo(Value.of("auto"));
        assertThat(DataValues.value(Variant.NULL_VALUE)).isEqualTo(Value.absent());
    }

    @Test
    void badWithoutValueKeepsItsQualityAndAnAbsentValue() {
        PointSample sample = DataValues.toSample("ahu-1", supplyAir,
                new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_NoCommunication)), RECEIVED);

        assertThat(sample.quality()).isEqualTo(Quality.COMM_LOSS);
        assertThat(sample.value()).isEqualTo(Value.absent());
    }
}
